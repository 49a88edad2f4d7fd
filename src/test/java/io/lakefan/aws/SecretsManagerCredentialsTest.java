package io.lakefan.aws;

import io.lakefan.source.DbCredentials;
import io.lakefan.source.SourceException;
import io.lakefan.testing.FakeSecretsManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsManagerCredentialsTest {
    static final String PASSWORD = "s3cr3t-Pa55word!";
    static final String RDS = "{\"engine\":\"mysql\",\"host\":\"db.example.internal\",\"port\":3306,"
            + "\"username\":\"lakefan\",\"password\":\"" + PASSWORD + "\",\"dbname\":\"shop\","
            + "\"dbInstanceIdentifier\":\"shop-db\"}";
    static FakeSecretsManager server;
    static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        server = FakeSecretsManager.start();
        client = server.client(false);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static SecretsManagerCredentials source(String id) {
        return SecretsManagerCredentials.create(client, id);
    }

    @Test
    void credentials_fromRdsSecret_buildMysqlUrlAndDefaultTls() {
        server.put("rds", RDS);
        DbCredentials c = source("rds").credentials();
        assertEquals("jdbc:mysql://db.example.internal:3306/shop", c.jdbcUrl());
        assertEquals("shop", c.database());
        assertEquals("lakefan", c.username());
        assertEquals(PASSWORD, c.password());
        assertEquals(Map.of("sslMode", "PREFERRED"), c.properties());
        assertFalse(c.toString().contains(PASSWORD));
    }

    @Test
    void credentials_mariadbWithStringPortAndTlsKey() {
        server.put("maria", "{\"engine\":\"mariadb\",\"host\":\"h\",\"port\":\"3307\",\"username\":\"u\","
                + "\"password\":\"p\",\"dbname\":\"d\",\"sslMode\":\"verify-identity\"}");
        DbCredentials c = source("maria").credentials();
        assertEquals("jdbc:mysql://h:3307/d", c.jdbcUrl());
        assertEquals("VERIFY_IDENTITY", c.properties().get("sslMode"));
    }

    @Test
    void tlsFromEnvironment_appliesWhenTheSecretSaysNothing() {
        server.put("env-tls", RDS);
        SecretsManagerCredentials s = SecretsManagerCredentials.fromEnvironment(client,
                Map.of(SecretsManagerCredentials.SECRET_ID_ENV, "env-tls", SecretsManagerCredentials.TLS_ENV, "required"));
        assertEquals("REQUIRED", s.credentials().properties().get("sslMode"));
        SourceException e = assertThrows(SourceException.class, () -> SecretsManagerCredentials.fromEnvironment(client,
                Map.of(SecretsManagerCredentials.SECRET_ID_ENV, "env-tls", SecretsManagerCredentials.TLS_ENV, "yes")));
        assertTrue(e.getMessage().contains("verify-identity"), e.getMessage());
    }

    @Test
    void missingSecret_saysWhereAndWhatToDo() {
        SourceException e = assertThrows(SourceException.class, () -> source("nope").credentials());
        assertEquals("secret nope not found in region us-east-1: create it (see README) or set LAKEFAN_SECRET_ID",
                e.getMessage());
    }

    @Test
    void accessDenied_namesThePermission() {
        server.put("locked", RDS);
        server.deny("locked");
        SourceException e = assertThrows(SourceException.class, () -> source("locked").credentials());
        assertTrue(e.getMessage().contains("secretsmanager:GetSecretValue"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    void missingField_namesTheFieldButNeverThePassword() {
        server.put("no-host", "{\"engine\":\"mysql\",\"port\":3306,\"username\":\"u\",\"password\":\"" + PASSWORD + "\"}");
        SourceException e = assertThrows(SourceException.class, () -> source("no-host").credentials());
        assertTrue(e.getMessage().contains("\"host\""), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());

        server.put("no-password", "{\"host\":\"h\",\"username\":\"u\"}");
        e = assertThrows(SourceException.class, () -> source("no-password").credentials());
        assertTrue(e.getMessage().contains("\"password\""), e.getMessage());
    }

    @Test
    void notJson_saysSoWithoutQuotingTheSecret() {
        server.put("plain", "password=" + PASSWORD);
        SourceException e = assertThrows(SourceException.class, () -> source("plain").credentials());
        assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void otherEngine_isRejected() {
        server.put("pg", "{\"engine\":\"postgres\",\"host\":\"h\",\"username\":\"u\",\"password\":\"" + PASSWORD + "\"}");
        SourceException e = assertThrows(SourceException.class, () -> source("pg").credentials());
        assertTrue(e.getMessage().contains("postgres"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }

    @Test
    void cache_reusesWithinTtl_andRefetchesAfter() {
        server.put("cached", RDS);
        AtomicLong now = new AtomicLong(0);
        SecretsManagerCredentials s = new SecretsManagerCredentials(client, "cached", Duration.ofMinutes(5), null,
                now::get);
        int before = server.calls();
        s.credentials();
        now.addAndGet(Duration.ofMinutes(4).toNanos());
        s.credentials();
        assertEquals(before + 1, server.calls(), "two reads within the TTL make one call");
        server.put("cached", RDS.replace(PASSWORD, "rotated"));
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        assertEquals("rotated", s.credentials().password());
        assertEquals(before + 2, server.calls(), "after the TTL the secret is read again");
        s.invalidate();
        s.credentials();
        assertEquals(before + 3, server.calls());
    }
}
