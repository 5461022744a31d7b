package io.redpair.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searches files, as bytes, for test secrets in the forms a leak takes: as is (also inside JSON and
 * XML), URL-encoded, base64 and UTF-16. Skips compiled code and libraries, which hold the constants
 * legitimately.
 */
final class SecretScanner {

    record Leak(Path file, String form) {
    }

    record Result(List<Leak> leaks, int filesScanned) {
    }

    static final Set<String> SKIPPED_DIRS = Set.of("classes", "test-classes", "generated-sources",
            "generated-test-sources", "maven-status", "maven-archiver", "lib", "node_modules", "secret-scan-reports");
    private static final long MAX_BYTES = 64L << 20;

    private final Map<String, byte[]> needles = new LinkedHashMap<>();

    SecretScanner(List<String> secrets, String marker) {
        needles.put("marker " + marker, marker.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < secrets.size(); i++) {
            String s = secrets.get(i);
            String label = "secret #" + (i + 1);
            needles.put("url-encoded " + label, URLEncoder.encode(s, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            needles.put("base64 " + label, Base64.getEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII));
            needles.put("utf-16 " + label, s.getBytes(StandardCharsets.UTF_16LE));
        }
    }

    Result scan(Path root) throws IOException {
        List<Leak> leaks = new ArrayList<>();
        int[] files = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && attrs.size() <= MAX_BYTES && !name.endsWith(".jar") && !name.endsWith(".class")) {
                    files[0]++;
                    byte[] content = Files.readAllBytes(file);
                    needles.forEach((form, needle) -> {
                        if (indexOf(content, needle) >= 0) {
                            leaks.add(new Leak(file, form));
                        }
                    });
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a file deleted while walking (a test's temp file) is not a leak
            }
        });
        return new Result(leaks, files[0]);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
