package io.redpair.supervisor;

import java.nio.file.Path;

/** Child process of {@link SiteLockTest}: takes the site lock and holds it until killed. */
public final class SiteLockHolder {
    private SiteLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        SiteLock lock = SiteLock.tryAcquire(Path.of(args[0])).orElseThrow();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        lock.close();
    }
}
