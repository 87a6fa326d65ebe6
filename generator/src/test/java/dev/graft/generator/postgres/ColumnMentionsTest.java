package dev.graft.generator.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which catalog expressions name a column, as PostgreSQL would resolve the names. */
class ColumnMentionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "price > 100                          ; price ; true",
        "PRICE > 100                          ; price ; true",
        "\"price\" > 100                      ; price ; true",
        "\"Price\" > 100                      ; price ; false",
        "\"Price\" > 100                      ; Price ; true",
        "Price > 100                          ; Price ; false",
        "lower(price::text) = 'price'         ; price ; true",
        "'price' || x                         ; price ; false",
        "E'it''s \\' price' || x              ; price ; false",
        "$$price$$ || x                       ; price ; false",
        "price(x) > 1 -- price                ; price ; false",
        "x::price /* price */ > 1             ; price ; false",
        "unit_price > 1                       ; price ; false",
        "\"a\"\"price\" > 1                   ; price ; false"})
    void findsTheColumnOnlyWhereItIsNamedAsAColumn(String sql, String column, boolean expected) {
        assertThat(ColumnMentions.in(sql, column)).as(sql).isEqualTo(expected);
    }
}
