package io.redpair.store;

import java.nio.file.Path;

/** Child process of {@link JournalTest}: persists epochs forever, reporting each one after it is durable. */
public final class JournalCrashWriter {
    private JournalCrashWriter() {
    }

    public static void main(String[] args) {
        Journal journal = Journal.open(Path.of(args[0]));
        for (long epoch = 1; ; epoch++) {
            journal.persistEpoch("p", epoch, "crash test", System.nanoTime());
            System.out.println("persisted " + epoch);
            System.out.flush();
        }
    }
}
