package io.redpair.flows.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of function-node JavaScript to find state: context writes and the variables On Start
 * declares. Comments are blanked first and string contents are skipped, so {@code // flow.set(...)} or a string
 * mentioning it does not count. It is a scanner, not a parser: computed calls such as {@code flow["set"]} are missed.
 */
final class FunctionCode {

    private static final Pattern SET_CALL = Pattern.compile("\\b(context|flow|global)\\s*\\.\\s*set\\s*\\(");
    private static final Pattern TIMERS = Pattern.compile("\\b(setInterval|setTimeout)\\s*\\(|\\.on\\s*\\(");
    private static final Pattern DECLARATION = Pattern.compile("^(let|var)\\s+([A-Za-z_$][\\w$]*)");

    /** The source with comments blanked: strings intact, to read arguments. */
    private final String code;
    /** The same with string contents blanked too, to find calls: positions match {@link #code}. */
    private final String codeOnly;

    FunctionCode(String source) {
        this.code = blankComments(source == null ? "" : source);
        this.codeOnly = blankStrings(code);
    }

    /** Each {@code context|flow|global .set(...)} call; the store is the literal third argument, if any. */
    List<ContextUse.Write> contextWrites() {
        List<ContextUse.Write> writes = new ArrayList<>();
        Matcher m = SET_CALL.matcher(codeOnly);
        while (m.find()) {
            if (m.start() > 0 && codeOnly.charAt(m.start() - 1) == '.') {
                continue; // x.flow.set(...) is some other object's method
            }
            List<String> args = arguments(m.end());
            String key = args.isEmpty() ? "" : unquote(args.get(0)).orElse(args.get(0));
            Optional<String> store = args.size() >= 3 ? unquote(args.get(2)) : Optional.empty();
            writes.add(new ContextUse.Write(m.group(1), key, store));
        }
        return writes;
    }

    /** Names declared with let/var at the top level of the code (brace depth 0). */
    Set<String> topLevelVariables() {
        Set<String> names = new LinkedHashSet<>();
        int depth = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))) {
                Matcher m = DECLARATION.matcher(code.substring(i, Math.min(code.length(), i + 80)));
                if (m.find()) {
                    names.add(m.group(2));
                }
            }
        }
        return names;
    }

    boolean startsTimersOrHandlers() {
        return TIMERS.matcher(codeOnly).find();
    }

    /** Top-level comma-separated arguments of the call whose "(" ends at {@code from}. */
    private List<String> arguments(int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || (c == ',' && depth == 0)) {
                String arg = code.substring(start, i).trim();
                if (!arg.isEmpty()) {
                    args.add(arg);
                }
                if (c == ')') {
                    return args;
                }
                start = i + 1;
            }
        }
        return args;
    }

    private int skipString(int open) {
        return endOfString(code, open);
    }

    private static Optional<String> unquote(String arg) {
        if (arg.length() >= 2 && (arg.charAt(0) == '"' || arg.charAt(0) == '\'' || arg.charAt(0) == '`')
                && arg.charAt(arg.length() - 1) == arg.charAt(0)) {
            return Optional.of(arg.substring(1, arg.length() - 1));
        }
        return Optional.empty();
    }

    /** Replaces comment text by spaces (keeping newlines), leaving strings intact. */
    static String blankComments(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(s, i) + 1;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                end = end < 0 ? s.length() : end;
                blank(out, i, end);
                i = end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static String blankStrings(String s) {
        StringBuilder out = new StringBuilder(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = endOfString(s, i);
                blank(out, i + 1, Math.min(end, s.length()));
                i = end;
            }
        }
        return out.toString();
    }

    private static int endOfString(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == s.charAt(open)) {
                return i;
            }
        }
        return s.length();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }
}
