package io.lakefan.local;

import io.lakefan.source.CredentialSource;
import io.lakefan.source.DbCredentials;

/** Credentials given on the command line (the password comes from an environment variable). */
public record StaticCredentials(DbCredentials value) implements CredentialSource {
    @Override
    public DbCredentials credentials() {
        return value;
    }
}
