package io.redpair.ui.editor;

import io.redpair.pair.ArbiterConfig;
import io.redpair.pair.AuthRef;
import io.redpair.pair.BoxConfig;
import io.redpair.pair.BoxId;
import io.redpair.pair.Pair;
import io.redpair.pair.Policy;
import io.redpair.pair.SecretStoreKind;
import io.redpair.pair.Site;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pair editor's logic: validation as you type (one message per field, saying what to type), the
 * meaning of the policy values in words, and the {@link Pair} to save. No toolkit: tested with plain JUnit.
 *
 * <p>Invariant: {@link #toPair} is only called on a form whose {@link #validate} is empty.
 */
public final class PairEditorViewModel {

    /** The editor's fields, for error placement. */
    public enum Field { ID, URL_A, URL_B, USERNAME, SECRET, INTERVAL, MISSED, HOLD_DOWN }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SECRET_REF = Pattern.compile("(env|vault|keychain):[A-Za-z0-9_./-]+");

    private final Site site;
    private final String editedId;

    /** @param editedId the id of the pair being edited, null for a new pair */
    public PairEditorViewModel(Site site, String editedId) {
        this.site = site;
        this.editedId = editedId;
    }

    /** Where the site keeps new secrets: the store "Store secret…" preselects. */
    public SecretStoreKind secretStore() {
        return site.secretStore();
    }

    public Map<Field, String> validate(PairForm f) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        if (f.id() == null || !ID.matcher(f.id()).matches()) {
            errors.put(Field.ID, "lower-case letters, digits and '-', e.g. line-1");
        } else if (!f.id().equals(editedId) && site.pair(f.id()).isPresent()) {
            errors.put(Field.ID, "the site already has a pair '" + f.id() + "'");
        }
        url(f.urlA()).ifPresent(e -> errors.put(Field.URL_A, e));
        url(f.urlB()).ifPresent(e -> errors.put(Field.URL_B, e));
        if (!errors.containsKey(Field.URL_A) && !errors.containsKey(Field.URL_B)
                && URI.create(f.urlA().strip()).equals(URI.create(f.urlB().strip()))) {
            errors.put(Field.URL_B, "A and B must be two different boxes");
        }
        if (f.authKind() == AuthRef.Kind.PASSWORD && blank(f.username())) {
            errors.put(Field.USERNAME, "the Node-RED adminAuth user RedPair logs in as");
        }
        if (f.authKind() != AuthRef.Kind.NONE && (f.secretRef() == null || !SECRET_REF.matcher(f.secretRef().strip()).matches())) {
            errors.put(Field.SECRET, "a reference such as env:LINE1_PW, vault:line-1 or keychain:line-1 — never the"
                    + " password itself (Store secret… puts it in a store and fills this in)");
        }
        number(f.intervalMs(), 50, 10_000).ifPresent(e -> errors.put(Field.INTERVAL, e));
        number(f.missedBeats(), 2, 20).ifPresent(e -> errors.put(Field.MISSED, e));
        number(f.holdDownS(), 0, 86_400).ifPresent(e -> errors.put(Field.HOLD_DOWN, e));
        return errors;
    }

    /** The policy values in words, for the line under the policy fields; empty while they are invalid. */
    public String meaning(PairForm f) {
        Map<Field, String> errors = validate(f);
        if (errors.containsKey(Field.INTERVAL) || errors.containsKey(Field.MISSED) || errors.containsKey(Field.HOLD_DOWN)) {
            return "";
        }
        int interval = Integer.parseInt(f.intervalMs().strip());
        int missed = Integer.parseInt(f.missedBeats().strip());
        String detect = String.format(Locale.ROOT, "A box that stops answering is declared dead after %.1f s "
                + "(%d probes every %d ms).", interval * missed / 1000.0, missed, interval);
        String act = f.autoFailover() ? " RedPair then fails over on its own, at most once every "
                + holdDown(Integer.parseInt(f.holdDownS().strip())) + "; a second failure waits for you."
                : " RedPair then only alarms; you decide.";
        return detect + act;
    }

    private static String holdDown(int s) {
        return s >= 60 && s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }

    public Pair toPair(PairForm f, Pair previous) {
        AuthRef auth = f.authKind() == AuthRef.Kind.NONE ? AuthRef.none()
                : f.authKind() == AuthRef.Kind.PASSWORD ? AuthRef.password(f.username().strip(), f.secretRef().strip())
                : AuthRef.token(f.secretRef().strip(), null);
        Map<BoxId, BoxConfig> boxes = Map.of(
                BoxId.A, new BoxConfig(URI.create(f.urlA().strip()), auth, pin(previous, BoxId.A, f.urlA())),
                BoxId.B, new BoxConfig(URI.create(f.urlB().strip()), auth, pin(previous, BoxId.B, f.urlB())));
        ArbiterConfig arbiter = blank(f.arbiterPort()) ? null : new ArbiterConfig(f.arbiterPort().strip(),
                blank(f.arbiterSerial()) ? null : f.arbiterSerial().strip(),
                previous != null && previous.arbiter() != null ? previous.arbiter().baud() : 115_200);
        Policy old = previous == null ? Policy.defaults() : previous.policy();
        Policy policy = new Policy(Integer.parseInt(f.intervalMs().strip()), Integer.parseInt(f.missedBeats().strip()),
                f.autoFailover(), Integer.parseInt(f.holdDownS().strip()), old.startupGraceMs(),
                arbiter == null ? Policy.Fencing.API_ONLY : old.fencing());
        return new Pair(f.id().strip(), blank(f.name()) ? f.id().strip() : f.name().strip(), boxes,
                previous == null ? BoxId.A : previous.preferred(),
                previous == null ? "/redpair/heartbeat" : previous.heartbeatPath(), arbiter, policy);
    }

    /** The site with {@code pair} replacing the edited one (or added at the end). */
    public Site withPair(Pair pair) {
        List<Pair> pairs = new ArrayList<>();
        boolean replaced = false;
        for (Pair p : site.pairs()) {
            boolean edited = p.id().equals(editedId);
            pairs.add(edited ? pair : p);
            replaced |= edited;
        }
        if (!replaced) {
            pairs.add(pair);
        }
        return site.withPairs(pairs);
    }

    /** A pin is kept only while the box's URL is unchanged: a new address must be confirmed again. */
    private static String pin(Pair previous, BoxId box, String url) {
        if (previous == null || !previous.box(box).url().toString().equals(url.strip())) {
            return null;
        }
        return previous.box(box).tlsPin();
    }

    static Optional<String> url(String text) {
        if (blank(text)) {
            return Optional.of("the box's admin URL, e.g. http://10.0.0.11:1880/");
        }
        if (!text.strip().matches("(?i)https?://.*")) {
            return Optional.of("must start with http:// or https://");
        }
        try {
            URI u = new URI(text.strip());
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                return Optional.of("must start with http:// or https://");
            }
            if (u.getHost() == null) {
                return Optional.of("no host name or address in '" + text.strip() + "'");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
    }

    private static Optional<String> number(String text, int min, int max) {
        try {
            int v = Integer.parseInt(text == null ? "" : text.strip());
            return v < min || v > max ? Optional.of("between " + min + " and " + max) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("a whole number between " + min + " and " + max);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
