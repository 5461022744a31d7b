package io.redpair.check;

import java.util.List;

/** The checklist of one pair; passes when no item failed (warnings and manual items do not fail it). */
public record CheckReport(String pairId, List<CheckItem> items) {

    public CheckReport {
        items = List.copyOf(items);
    }

    public boolean passed() {
        return items.stream().noneMatch(i -> i.status() == CheckStatus.FAIL);
    }

    public List<CheckItem> named(String name) {
        return items.stream().filter(i -> i.name().equals(name)).toList();
    }
}
