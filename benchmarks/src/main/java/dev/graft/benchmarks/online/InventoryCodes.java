package dev.graft.benchmarks.online;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Codes the writers write: location (6) + batch (6) + serial (10) characters, like the seeded rows. */
final class InventoryCodes {

    private static final String[] LOCATIONS = {"AMS001", "LIS002", "BCN003", "RTM010", "HAM011"};

    private InventoryCodes() {
    }

    /** A fresh code for {@code key}: a random location and batch, the key's serial. */
    static String code(long key, ThreadLocalRandom random) {
        return String.format(Locale.ROOT, "%sB%02d%03dSN%08d", LOCATIONS[random.nextInt(LOCATIONS.length)],
                24 + random.nextInt(3), random.nextInt(1000), key % 100_000_000);
    }

    /** A random batch number, the new shape's column. */
    static String batch(ThreadLocalRandom random) {
        return String.format(Locale.ROOT, "B%02d%03d", 24 + random.nextInt(3), random.nextInt(1000));
    }
}
