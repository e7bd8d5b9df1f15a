package dev.spendlens.sources;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Groups the files of one source into deliveries, before anything is downloaded. Where a CUR 2.0 manifest covers
 * a partition, each manifest is one delivery of exactly the files it lists, and the partition's other data files
 * are left out; every other data file belongs to the delivery of its folder.
 */
final class DeliveryPlanner {
    /** A delivery whose files are still where the store keeps them. */
    record PlannedDelivery(
            String exportName,
            Optional<String> billingPeriod,
            List<StoredObject> files,
            Instant deliveredAt,
            Optional<String> manifestKey,
            List<StoredObject> ignored,
            String folder) {
        PlannedDelivery withIgnored(List<StoredObject> stale) {
            return new PlannedDelivery(exportName, billingPeriod, files, deliveredAt, manifestKey, stale, folder);
        }
    }

    private final ExportStore store;
    private final Consumer<String> progress;

    DeliveryPlanner(ExportStore store, Consumer<String> progress) {
        this.store = requireNonNull(store, "store is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<PlannedDelivery> plan(List<StoredObject> objects) {
        Map<String, StoredObject> dataFiles = new TreeMap<>();
        List<StoredObject> manifests = new ArrayList<>();
        for (StoredObject object : objects) {
            ExportPath path = object.path();
            if (path.isDataFile()) {
                dataFiles.put(object.key(), object);
            } else if (path.manifestPartition().isPresent()) {
                manifests.add(object);
            }
        }
        manifests.sort(comparing(StoredObject::key));

        List<PlannedDelivery> deliveries = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        // newest manifest delivery of each partition folder, which also reports the folder's stale files
        Map<String, Integer> newestByFolder = new LinkedHashMap<>();
        for (StoredObject manifestObject : manifests) {
            PlannedDelivery delivery = manifestDelivery(manifestObject, dataFiles);
            delivery.files().forEach(file -> claimed.add(file.key()));
            deliveries.add(delivery);
            newestByFolder.merge(delivery.folder(), deliveries.size() - 1,
                    (old, candidate) -> deliveries.get(candidate).deliveredAt().isAfter(deliveries.get(old).deliveredAt()) ? candidate : old);
        }

        Map<String, List<StoredObject>> byFolder = new TreeMap<>();
        Map<String, List<StoredObject>> staleByFolder = new TreeMap<>();
        for (StoredObject file : dataFiles.values()) {
            if (claimed.contains(file.key())) {
                continue;
            }
            Optional<String> partitionFolder = file.path().dataPartition().map(ExportPath.Partition::dataFolder);
            if (partitionFolder.isPresent() && newestByFolder.containsKey(partitionFolder.get())) {
                staleByFolder.computeIfAbsent(partitionFolder.get(), folder -> new ArrayList<>()).add(file);
            } else {
                byFolder.computeIfAbsent(file.path().folder(), folder -> new ArrayList<>()).add(file);
            }
        }
        staleByFolder.forEach((folder, stale) -> {
            int index = newestByFolder.get(folder);
            PlannedDelivery newest = deliveries.get(index);
            deliveries.set(index, newest.withIgnored(stale));
            progress.accept("%s: ignoring %d data file(s) that its manifest %s does not list (left from an earlier delivery): %s".formatted(
                    store.origin(folder), stale.size(), store.origin(newest.manifestKey().orElseThrow()),
                    stale.stream().map(file -> file.path().fileName()).collect(Collectors.joining(", "))));
        });
        byFolder.forEach((folder, files) -> deliveries.add(folderDelivery(folder, files)));
        return deliveries;
    }

    private PlannedDelivery manifestDelivery(StoredObject manifestObject, Map<String, StoredObject> dataFiles) {
        String origin = store.origin(manifestObject.key());
        ExportPath.Partition partition = manifestObject.path().manifestPartition().orElseThrow();
        Manifest manifest = Manifest.parse(store.read(manifestObject), origin);
        List<StoredObject> files = new ArrayList<>();
        for (String dataFile : manifest.dataFiles()) {
            String key = partition.exportRoot() + "/data/" + manifest.pathBelowData(dataFile, origin);
            StoredObject file = dataFiles.get(key);
            if (file == null) {
                throw new SpendlensException(ErrorCode.SOURCE_NOT_FOUND,
                        "manifest %s lists %s, but %s does not exist: copy the export's data/ folder along with its metadata/ folder, or delete the manifest to load the files that are there"
                                .formatted(origin, dataFile, store.origin(key)));
            }
            files.add(file);
        }
        files.sort(comparing(StoredObject::key));
        if (files.isEmpty()) {
            progress.accept("%s: lists no data files; its billing period %s will be empty".formatted(origin, partition.label()));
        }
        return new PlannedDelivery(manifest.exportName(), partition.billingPeriod(), files, manifest.deliveredAt(),
                Optional.of(manifestObject.key()), List.of(), partition.dataFolder());
    }

    private static PlannedDelivery folderDelivery(String folder, List<StoredObject> files) {
        ExportPath first = files.get(0).path();
        Instant newest = files.stream().map(StoredObject::lastModified).max(Instant::compareTo).orElseThrow();
        return new PlannedDelivery(first.exportName(), first.billingPeriod(), List.copyOf(files), newest, Optional.empty(), List.of(), folder);
    }
}
