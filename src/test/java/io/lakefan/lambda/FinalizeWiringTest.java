package io.lakefan.lambda;

import io.lakefan.aws.AwsClients;
import io.lakefan.aws.LakeUri;
import io.lakefan.finalize.Views;
import io.lakefan.local.FileObjectStore;
import io.lakefan.local.FooterRowCounter;
import io.lakefan.run.TimeBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FinalizeWiringTest {
    @TempDir
    Path dir;

    FinalizeWiring wiring(Map<String, String> env) {
        return FinalizeWiring.fromEnvironment(env, AwsClients.fromEnvironment(Map.of()), FileObjectStore.at(dir),
                LakeUri.parse("s3://lake/raw"));
    }

    @Test
    void none_validatesOnFootersMakesNoViewsAndSaysSo() {
        FinalizeWiring w = wiring(Map.of());
        assertInstanceOf(FooterRowCounter.class, w.counter());
        assertSame(Views.NONE, w.views());
        assertEquals(List.of(FinalizeWiring.NONE_NOTE), w.catalog().update(null, List.of(), Map.of(), TimeBudget.unlimited()).notes());
    }

    @Test
    void glueAndCrawler_areAccepted_withoutBuildingClientsYet() {
        assertNotNull(wiring(Map.of("LAKEFAN_CATALOG", "glue", "LAKEFAN_GLUE_DATABASE", "lake")).catalog());
        assertNotNull(wiring(Map.of("LAKEFAN_CATALOG", "crawler", "LAKEFAN_CRAWLER", "a, b")).catalog());
    }

    @Test
    void crawler_withoutCrawlerName_isAnErrorNamingTheVariable() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> wiring(Map.of("LAKEFAN_CATALOG", "crawler")));
        assertTrue(e.getMessage().contains("LAKEFAN_CRAWLER"), e.getMessage());
    }

    @Test
    void unknownMode_isAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> wiring(Map.of("LAKEFAN_CATALOG", "hive")));
        assertTrue(e.getMessage().contains("crawler, glue or none"), e.getMessage());
    }

    @Test
    void margin_mustBeANumber() {
        assertThrows(IllegalStateException.class, () -> wiring(Map.of("LAKEFAN_CATALOG", "crawler",
                "LAKEFAN_CRAWLER", "c", "LAKEFAN_CRAWLER_MARGIN_SECONDS", "soon")));
    }
}
