package io.redpair.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditExportTest {

    @Test
    void csvQuotingFollowsRfc4180AndDefusesSpreadsheetFormulas() {
        assertThat(AuditExport.quote("plain")).isEqualTo("plain");
        assertThat(AuditExport.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditExport.quote("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(AuditExport.quote("-12")).isEqualTo("-12");
        assertThat(AuditExport.quote(null)).isEmpty();
    }
}
