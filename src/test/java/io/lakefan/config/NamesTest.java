package io.lakefan.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamesTest {
    @Test
    void lake_whenNameHasSpacesAndCapitals_lowersAndReplaces() {
        assertEquals("order_details", Names.lake("Order Details"));
        assertEquals("order_id", Names.lake("Order ID"));
        assertEquals("a_b_c", Names.lake("a-b.c"));
    }

    @Test
    void lake_whenNameStartsWithDigit_prefixesUnderscore() {
        assertEquals("_2fa", Names.lake("2fa"));
    }

    @Test
    void lake_whenNameHasNonAscii_replacesEachCharacter() {
        assertEquals("caf_", Names.lake("Café"));
    }

    @Test
    void lake_whenNameIsAlreadyLakeSafe_keepsIt() {
        assertEquals("orders_2024", Names.lake("orders_2024"));
    }

    @Test
    void quote_whenNameHasBacktick_doublesIt() {
        assertEquals("`orders`", Names.quote("orders"));
        assertEquals("`a``b`", Names.quote("a`b"));
        assertEquals("`Order Details`", Names.quote("Order Details"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "Order Details", "顧客", "x", "a_very_long_name_of_exactly_sixty_four_characters_abcdefghijklmn"})
    void identifierProblem_whenNameIsAcceptable_isNull(String name) {
        assertNull(Names.identifierProblem(name));
    }

    @Test
    void identifierProblem_whenNameIsBad_saysWhy() {
        assertTrue(Names.identifierProblem("").contains("empty"));
        assertTrue(Names.identifierProblem("   ").contains("blank"));
        assertTrue(Names.identifierProblem("a`b").contains("backtick"));
        assertTrue(Names.identifierProblem("a\nb").contains("control"));
        assertTrue(Names.identifierProblem("name ").contains("space"));
        assertTrue(Names.identifierProblem("x".repeat(65)).contains("at most 64"));
        assertNotNull(Names.identifierProblem(null));
    }

    @Test
    void identifierProblem_whenNameHasEmoji_refusesIt() {
        assertTrue(Names.identifierProblem("orders_😀").contains("emoji"));
    }

    @Test
    void identifierProblem_countsCharactersNotBytes() {
        assertNull(Names.identifierProblem("é".repeat(64)));
        assertNotNull(Names.identifierProblem("é".repeat(65)));
    }
}
