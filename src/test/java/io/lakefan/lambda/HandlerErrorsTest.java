package io.lakefan.lambda;

import io.lakefan.event.EventException;
import io.lakefan.finalize.RunFailedException;
import io.lakefan.run.Status;
import io.lakefan.run.TableStatus;
import io.lakefan.source.SourceException;
import io.lakefan.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user sees when the event, the secret or the login is wrong: a clear error, never a password. */
class HandlerErrorsTest {
    static final String WRONG_PASSWORD = "Not-The-Pa55word!";
    LambdaRig rig;

    @BeforeEach
    void start() {
        rig = LambdaRig.onS3Proxy();
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void malformedEvents_areRefusedWithTheAcceptedShapes() {
        for (String event : List.of("not json", "[1,2]", "{\"detail\":{}}", "{\"action\":\"explode\"}")) {
            EventException e = assertThrows(EventException.class, () -> rig.call(event), event);
            assertTrue(e.getMessage().contains("accepted events: an EventBridge Scheduled Event"), e.getMessage());
        }
        EventException unknownKey = assertThrows(EventException.class,
                () -> rig.call("{\"action\":\"extract\",\"table\":\"t\",\"password\":\"x\"}"));
        assertTrue(unknownKey.getMessage().contains("unknown key(s) [password]"), unknownKey.getMessage());
        EventException noTable = assertThrows(EventException.class, () -> rig.call("{\"action\":\"extract\"}"));
        assertTrue(noTable.getMessage().contains("missing \"table\""), noTable.getMessage());
        EventException badTime = assertThrows(EventException.class, () -> rig.call(
                "{\"detail-type\":\"Scheduled Event\",\"id\":\"abc\",\"time\":\"yesterday\"}"));
        assertTrue(badTime.getMessage().contains("not ISO-8601"), badTime.getMessage());
    }

    @Test
    void eventBeyondTheHopLimit_isRefusedAsRunawayRecursion() {
        EventException e = assertThrows(EventException.class,
                () -> rig.call("{\"action\":\"finalize\",\"runId\":\"20261122T020000Z-x\",\"hop\":501}"));
        assertTrue(e.getMessage().contains("runaway recursion") && e.getMessage().contains("limit of 500"), e.getMessage());
        assertTrue(rig.logs().stream().anyMatch(l -> l.contains("\"level\":\"ERROR\"") && l.contains("runaway")),
                rig.logs().toString());
    }

    @Test
    void missingSecret_failsTheDispatchNamingTheSecretAndWhatToDo() {
        rig.config("{\"tables\":[{\"name\":\"t\"}]}");
        SourceException e = assertThrows(SourceException.class,
                () -> rig.call("{\"action\":\"dispatch\",\"runId\":\"20261122T060000Z-nosecret\"}"));
        assertTrue(e.getMessage().contains("secret " + LambdaRig.SECRET_ID + " not found")
                && e.getMessage().contains("LAKEFAN_SECRET_ID"), e.getMessage());
        assertEquals(0, rig.lambda().count(), "nothing was fanned out");
    }

    @Test
    void wrongPassword_failsEveryTableClearly_andThePasswordAppearsNowhere() throws Exception {
        TestDatabase db = TestDatabase.get();
        String d = db.createDatabase("lambda_pw");
        db.exec(d, "CREATE TABLE t (id INT PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
        rig.secret(d, WRONG_PASSWORD).config("{\"tables\":[{\"name\":\"t\"}]}");
        String run = "20261122T070000Z-pw";

        rig.send("{\"action\":\"dispatch\",\"runId\":\"" + run + "\"}");
        rig.awaitIdle();

        TableStatus t = rig.status(run, "t");
        assertEquals(Status.FAILED, t.status());
        assertEquals(3, t.attempts());
        assertTrue(t.error().contains("refused the login"), t.error());
        assertNotNull(rig.summary(run));
        assertTrue(rig.lambda().errors().stream().anyMatch(e -> e instanceof RunFailedException));
        StringBuilder everything = new StringBuilder(String.join("\n", rig.logs()));
        rig.lambda().errors().forEach(e -> everything.append(e).append(java.util.Arrays.toString(e.getStackTrace()))
                .append(e.getCause()));
        rig.lambda().payloads().forEach(everything::append);
        for (String key : rig.keys("")) everything.append(rig.text(key.endsWith(".json") ? key : "_lakefan/none"));
        assertTrue(everything.toString().contains("refused the login"), "what was searched has the error");
        assertFalse(everything.toString().contains(WRONG_PASSWORD), "the password leaked");
        assertFalse(everything.toString().contains(TestDatabase.PASSWORD));
    }
}
