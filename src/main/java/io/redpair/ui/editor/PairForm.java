package io.redpair.ui.editor;

import io.redpair.pair.AuthRef;

/**
 * What the pair editor's fields hold, as typed (strings, so half-typed values can be judged). Immutable;
 * the view builds a new one on every keystroke and asks {@link PairEditorViewModel#validate} about it.
 */
public record PairForm(String id, String name, String urlA, String urlB, AuthRef.Kind authKind, String username,
                       String secretRef, String arbiterPort, String arbiterSerial, String intervalMs,
                       String missedBeats, String holdDownS, boolean autoFailover) {
}
