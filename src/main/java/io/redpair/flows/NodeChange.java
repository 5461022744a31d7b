package io.redpair.flows;

import java.util.List;

/**
 * One node's difference. {@code properties} lists what changed (for MOVED only x/y; for CHANGED the material
 * properties, without x/y; empty for ADDED/REMOVED).
 */
public record NodeChange(ChangeKind kind, NodeRef node, List<PropertyChange> properties) {

    public NodeChange {
        properties = List.copyOf(properties);
    }

    public List<String> propertyNames() {
        return properties.stream().map(PropertyChange::property).toList();
    }
}
