package io.redpair.nodered;

/**
 * {@code Node-RED-Deployment-Type}. {@code RELOAD} ignores the posted flows and re-reads them from
 * the box's storage. No type starts stopped flows (outside safe mode).
 */
public enum DeployType {
    FULL("full"), NODES("nodes"), FLOWS("flows"), RELOAD("reload");

    private final String header;

    DeployType(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
