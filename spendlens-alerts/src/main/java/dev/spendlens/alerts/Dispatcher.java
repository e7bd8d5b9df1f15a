package dev.spendlens.alerts;

import static java.util.Objects.requireNonNull;

import dev.spendlens.alert.Alert;
import dev.spendlens.alert.AlertLog;
import dev.spendlens.alert.DeliveryAttempt;
import dev.spendlens.alert.DeliveryOutcome;
import dev.spendlens.alert.Frequency;
import dev.spendlens.alert.NotificationKind;
import dev.spendlens.alert.OutboxEntry;
import dev.spendlens.alert.SentAlert;
import dev.spendlens.error.ErrorCode;
import dev.spendlens.error.SpendlensException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends alerts from any feature through the configured channels. One alert per key: a channel
 * hears about an alert once, then again only as an update when it has grown (its amount by the
 * update ratio, or its severity). Failed deliveries are retried with backoff, and when every
 * attempt fails the alert waits in the outbox for the next flush; every attempt is logged.
 */
public final class Dispatcher {
    private final Map<String, Channel> channels;
    private final Routing routing;
    private final AlertLog log;
    private final RetryPolicy retry;
    private final RetryPolicy.Sleeper sleeper;
    private final Clock clock;
    private final BigDecimal updateRatio;

    /**
     * @param updateGrowth how much an alert's amount must grow, as a fraction of what was last sent (0.2 for 20 %), to be sent again
     */
    public Dispatcher(List<Channel> channels, Routing routing, AlertLog log, RetryPolicy retry, RetryPolicy.Sleeper sleeper, Clock clock, double updateGrowth) {
        this.channels = new LinkedHashMap<>();
        for (Channel channel : requireNonNull(channels, "channels is null")) {
            if (this.channels.put(channel.name(), channel) != null) {
                throw new SpendlensException(ErrorCode.INVALID_CONFIG, "two alert channels are named '%s'".formatted(channel.name()));
            }
        }
        this.routing = requireNonNull(routing, "routing is null");
        routing.check(this.channels.keySet());
        this.log = requireNonNull(log, "log is null");
        this.retry = requireNonNull(retry, "retry is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (updateGrowth < 0) {
            throw new SpendlensException(ErrorCode.INVALID_CONFIG, "update growth must be 0 or more, was " + updateGrowth);
        }
        this.updateRatio = BigDecimal.ONE.add(BigDecimal.valueOf(updateGrowth));
    }

    public Routing routing() {
        return routing;
    }

    /** Keeps the alert and sends it where routing says: now, or into a digest. */
    public DispatchReport submit(Alert alert) {
        log.save(alert);
        Routing.Decision decision = routing.decide(alert);
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (String route : decision.unroutedRoutes()) {
            attempts.add(record(new DeliveryAttempt("(none: " + route + ")", NotificationKind.NEW, Frequency.IMMEDIATE, List.of(alert.key()), 1, clock.instant(),
                    DeliveryOutcome.UNROUTED, Optional.of("subscription '%s' routes to the owner, but owner %s has no channel and there is no fallback channel"
                            .formatted(route, alert.owner().orElse("(none)"))))));
        }
        int queued = 0;
        int unchanged = 0;
        for (Routing.Target target : decision.targets()) {
            Optional<SentAlert> last = log.lastSent(target.channel(), alert.key());
            if (last.isPresent() && !grown(last.get(), alert)) {
                unchanged++;
                continue;
            }
            if (target.frequency() == Frequency.IMMEDIATE) {
                Notification notification = new Notification(last.isPresent() ? NotificationKind.UPDATE : NotificationKind.NEW, Frequency.IMMEDIATE, List.of(alert));
                if (!deliver(channels.get(target.channel()), notification, attempts)) {
                    log.enqueue(new OutboxEntry(target.channel(), Frequency.IMMEDIATE, alert.key(), clock.instant()));
                }
            } else {
                log.enqueue(new OutboxEntry(target.channel(), target.frequency(), alert.key(), clock.instant()));
                queued++;
            }
        }
        return new DispatchReport(attempts, queued, unchanged);
    }

    /**
     * Sends what waits in the outbox for the frequency: for a digest, one notification per channel
     * with every waiting alert (their latest revisions), grouped by owner; for
     * {@link Frequency#IMMEDIATE}, the notifications whose earlier attempts all failed.
     */
    public DispatchReport flush(Frequency frequency) {
        Map<String, List<OutboxEntry>> byChannel = new LinkedHashMap<>();
        for (OutboxEntry entry : log.outbox(frequency)) {
            byChannel.computeIfAbsent(entry.channel(), channel -> new ArrayList<>()).add(entry);
        }
        List<DeliveryAttempt> attempts = new ArrayList<>();
        for (Map.Entry<String, List<OutboxEntry>> waiting : byChannel.entrySet()) {
            Channel channel = channels.get(waiting.getKey());
            if (channel == null) {
                // A channel removed from the configuration: its entries stay, visible, until it returns.
                attempts.add(record(new DeliveryAttempt(waiting.getKey(), NotificationKind.DIGEST, frequency,
                        waiting.getValue().stream().map(OutboxEntry::alertKey).toList(), 1, clock.instant(), DeliveryOutcome.UNROUTED,
                        Optional.of("channel '%s' is no longer configured; its alerts stay in the outbox".formatted(waiting.getKey())))));
                continue;
            }
            if (frequency == Frequency.IMMEDIATE) {
                for (OutboxEntry entry : waiting.getValue()) {
                    Optional<Alert> alert = log.alert(entry.alertKey());
                    if (alert.isEmpty()) {
                        log.dequeue(List.of(entry), clock.instant());
                        continue;
                    }
                    NotificationKind kind = log.lastSent(channel.name(), entry.alertKey()).isPresent() ? NotificationKind.UPDATE : NotificationKind.NEW;
                    if (deliver(channel, new Notification(kind, frequency, List.of(alert.get())), attempts)) {
                        log.dequeue(List.of(entry), clock.instant());
                    }
                }
                continue;
            }
            List<Alert> alerts = waiting.getValue().stream().map(entry -> log.alert(entry.alertKey())).flatMap(Optional::stream).toList();
            if (alerts.isEmpty() || deliver(channel, new Notification(NotificationKind.DIGEST, frequency, alerts), attempts)) {
                log.dequeue(waiting.getValue(), clock.instant());
            }
        }
        return new DispatchReport(attempts, 0, 0);
    }

    private boolean grown(SentAlert last, Alert alert) {
        return alert.severity().compareTo(last.severity()) > 0
                || (alert.amount().compareTo(last.amount()) > 0 && alert.amount().compareTo(last.amount().multiply(updateRatio)) >= 0);
    }

    private boolean deliver(Channel channel, Notification notification, List<DeliveryAttempt> attempts) {
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            Instant at = clock.instant();
            try {
                channel.deliver(notification);
            } catch (RuntimeException e) {
                boolean last = attempt == retry.attempts();
                attempts.add(record(new DeliveryAttempt(channel.name(), notification.kind(), notification.frequency(), notification.alertKeys(), attempt, at,
                        last ? DeliveryOutcome.DEFERRED : DeliveryOutcome.FAILED, Optional.of(String.valueOf(e.getMessage())))));
                if (last) {
                    return false;
                }
                sleeper.sleep(retry.delayAfter(attempt));
                continue;
            }
            attempts.add(record(new DeliveryAttempt(channel.name(), notification.kind(), notification.frequency(), notification.alertKeys(), attempt, at,
                    DeliveryOutcome.DELIVERED, Optional.empty())));
            for (Alert alert : notification.alerts()) {
                log.markSent(new SentAlert(channel.name(), alert.key(), alert.amount(), alert.severity(), at));
            }
            return true;
        }
        return false;
    }

    private DeliveryAttempt record(DeliveryAttempt attempt) {
        log.record(attempt);
        return attempt;
    }
}
