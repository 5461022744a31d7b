package io.redpair.arbiter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link PortScanner} over named in-memory ports: the lab plugs a simulator in under a name, tests
 * unplug it and plug another cable in under a new name to exercise rediscovery by serial number.
 */
public final class InMemoryPorts implements PortScanner {

    private final Map<String, Supplier<Transport>> ports = new LinkedHashMap<>();

    /** Each open() of {@code path} calls {@code opener} (e.g. returns the host end of a fresh cable). */
    public synchronized void plug(String path, Supplier<Transport> opener) {
        ports.put(path, opener);
    }

    public synchronized void remove(String path) {
        ports.remove(path);
    }

    @Override
    public synchronized List<PortInfo> ports() {
        List<PortInfo> list = new ArrayList<>();
        ports.keySet().forEach(p -> list.add(new PortInfo(p, "in-memory", "")));
        return list;
    }

    @Override
    public synchronized Transport open(String path) throws IOException {
        Supplier<Transport> opener = ports.get(path);
        if (opener == null) {
            throw new IOException("no such port: " + path);
        }
        return opener.get();
    }
}
