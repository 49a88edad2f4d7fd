package io.lakefan.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap of a phase: the most heap in use at any sample (garbage included: what -Xmx must allow) and the
 * largest live set. The live set is measured honestly only with {@link #startWithLiveSampling()}, which forces a
 * full collection every two seconds and reads what survives (a young collection leaves old garbage behind, so
 * "used after GC" otherwise overstates it); that costs a little throughput, so rate phases do not use it.
 */
final class HeapProbe implements AutoCloseable {
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final AtomicLong peakFullLive = new AtomicLong();
    private final Thread sampler;
    private final NotificationListener listener;
    private volatile boolean running = true;

    private final boolean sampleLive;

    private HeapProbe(boolean sampleLive) {
        this.sampleLive = sampleLive;
        listener = (n, handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            peakLive.accumulateAndGet(live, Math::max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener(listener, null, null);
        }
        sampler = new Thread(() -> {
            long nextFull = System.currentTimeMillis() + 2000;
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (sampleLive && System.currentTimeMillis() >= nextFull) {
                    System.gc(); // full collection: what is used afterwards is live
                    peakFullLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                            Math::max);
                    nextFull = System.currentTimeMillis() + 2000;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-probe");
        sampler.setDaemon(true);
        sampler.start();
    }

    static HeapProbe start() {
        System.gc();
        return new HeapProbe(false);
    }

    static HeapProbe startWithLiveSampling() {
        System.gc();
        return new HeapProbe(true);
    }

    /** The largest heap that survived a full collection (only with live sampling). */
    long peakFullLiveMb() {
        return peakFullLive.get() >> 20;
    }

    long peakUsedMb() {
        return peakUsed.get() >> 20;
    }

    /** Heap in use after any collection (young ones leave old garbage: an upper bound of the live set). */
    long peakLiveMb() {
        return peakLive.get() >> 20;
    }

    @Override
    public void close() {
        running = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            try {
                ((NotificationEmitter) gc).removeNotificationListener(listener);
            } catch (Exception ignored) {
                // gone already
            }
        }
    }
}
