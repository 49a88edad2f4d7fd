package io.lakefan.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peak heap of a phase, two ways: the most heap in use at any sample (garbage included: what -Xmx must allow)
 * and the most heap still in use right after a collection (the live set: what grows if memory leaks with
 * table size).
 */
final class HeapProbe implements AutoCloseable {
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final Thread sampler;
    private final NotificationListener listener;
    private volatile boolean running = true;

    private HeapProbe() {
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
            while (running) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
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
        return new HeapProbe();
    }

    long peakUsedMb() {
        return peakUsed.get() >> 20;
    }

    /** Heap pools only. */
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
