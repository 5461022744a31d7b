package io.redpair.check;

/**
 * One line of the commissioning checklist.
 *
 * @param scope  "A", "B", "pair" or "arbiter"
 * @param name   what was checked, stable (used in --json)
 * @param detail what was seen
 * @param fix    what to do about it; null when it passed
 */
public record CheckItem(String scope, String name, CheckStatus status, String detail, String fix) {

    static CheckItem pass(String scope, String name, String detail) {
        return new CheckItem(scope, name, CheckStatus.PASS, detail, null);
    }

    static CheckItem warn(String scope, String name, String detail, String fix) {
        return new CheckItem(scope, name, CheckStatus.WARN, detail, fix);
    }

    static CheckItem fail(String scope, String name, String detail, String fix) {
        return new CheckItem(scope, name, CheckStatus.FAIL, detail, fix);
    }

    static CheckItem manual(String scope, String name, String detail, String fix) {
        return new CheckItem(scope, name, CheckStatus.MANUAL, detail, fix);
    }
}
