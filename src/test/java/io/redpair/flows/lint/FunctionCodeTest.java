package io.redpair.flows.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionCodeTest {

    @Test
    void readsKeyAndStoreThroughNestedArguments() {
        FunctionCode code = new FunctionCode("flow.set('totals', {a: 1, b: [2, 3]}, \"file\");\n"
                + "global.set(`last`, fn(x, y));\ncontext.set('n', 1, function(err) { node.warn(err, 'x'); });");
        assertThat(code.contextWrites()).containsExactly(
                new ContextUse.Write("flow", "totals", Optional.of("file")),
                new ContextUse.Write("global", "last", Optional.empty()),
                new ContextUse.Write("context", "n", Optional.empty()));
    }

    @Test
    void ignoresCommentsStringsAndOtherObjects() {
        FunctionCode code = new FunctionCode("// flow.set('a', 1)\n/* global.set('b', 2) */\n"
                + "const s = 'context.set(\"c\", 3)';\nmy.flow.set('d', 4);\nflow.get('e');");
        assertThat(code.contextWrites()).isEmpty();
    }

    @Test
    void topLevelDeclarationsOnlyAndTimers() {
        FunctionCode code = new FunctionCode("let count = 0;\nvar cfg = {a: {b: 1}};\nfunction f() { let inner = 1; }\n"
                + "const fixed = 3;\n// let commented = 1;\nsetInterval(() => count++, 1000);");
        assertThat(code.topLevelVariables()).containsExactly("count", "cfg");
        assertThat(code.startsTimersOrHandlers()).isTrue();
        assertThat(new FunctionCode("let x = 'setInterval(';").startsTimersOrHandlers()).isFalse();
    }
}
