package io.redpair.store.secrets;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plaintext inside a vault: a count, then per secret a UTF-8 name (2-byte length) and a UTF-8
 * value (4-byte length). A binary form rather than JSON so values go straight from bytes to
 * {@code char[]} without passing through immutable {@code String}s that could not be wiped.
 */
final class SecretPayload {

    private SecretPayload() {
    }

    /** Encodes the secrets into one exactly-sized array; the caller wipes it after encrypting it. */
    static byte[] encode(Map<String, char[]> secrets) {
        List<byte[]> values = new ArrayList<>(secrets.size());
        int size = 4;
        for (Map.Entry<String, char[]> e : secrets.entrySet()) {
            byte[] value = utf8(e.getValue());
            values.add(value);
            size += 2 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + value.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(secrets.size());
        int i = 0;
        for (String name : secrets.keySet()) {
            byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
            byte[] value = values.get(i++);
            out.putShort((short) nameBytes.length).put(nameBytes).putInt(value.length).put(value);
            Arrays.fill(value, (byte) 0);
        }
        return out.array();
    }

    /** Decodes; an authenticated payload that still does not parse is reported as damaged. */
    static TreeMap<String, char[]> decode(byte[] plain, Path source) {
        TreeMap<String, char[]> secrets = new TreeMap<>();
        ByteBuffer in = ByteBuffer.wrap(plain);
        try {
            int count = in.getInt();
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[in.getShort() & 0xffff];
                in.get(name);
                int valueLength = in.getInt();
                ByteBuffer value = in.slice(in.position(), valueLength);
                in.position(in.position() + valueLength);
                secrets.put(new String(name, StandardCharsets.UTF_8), chars(value));
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException
                 | CharacterCodingException e) {
            secrets.values().forEach(v -> Arrays.fill(v, '\0'));
            throw new SecretStoreException(source + ": vault content does not parse (" + e.getClass().getSimpleName() + ")");
        }
        return secrets;
    }

    static byte[] utf8(char[] value) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).encode(CharBuffer.wrap(value));
            byte[] copy = Arrays.copyOfRange(bytes.array(), 0, bytes.limit());
            Arrays.fill(bytes.array(), (byte) 0);
            return copy;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret value is not valid text (unpaired surrogate)");
        }
    }

    private static char[] chars(ByteBuffer utf8) throws CharacterCodingException {
        CharBuffer decoded = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).decode(utf8);
        char[] copy = Arrays.copyOfRange(decoded.array(), 0, decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        return copy;
    }
}
