package io.lakefan.source;

/** Where the source database's login comes from: flags and environment locally, Secrets Manager on AWS. */
public interface CredentialSource {

    /** Current credentials; implementations may cache them briefly so that rotation still works. */
    DbCredentials credentials();
}
