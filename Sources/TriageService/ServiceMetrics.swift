import Prometheus

/// The service's Prometheus metrics (SPEC §7.2 "Operations"): requests, a latency histogram,
/// cards by indicator, 4xx and 5xx answers, and the sizes of the service's bounded in-memory sets
/// (the replay guard's `jti`s, the re-evaluation memo, the issued uuids remembered).
package final class ServiceMetrics: Sendable {
    /// The registry `/metrics` writes.
    package let registry = PrometheusCollectorRegistry()
    private let requests: Counter
    private let clientErrors: Counter
    private let serverErrors: Counter
    private let latency: DurationHistogram
    private let cardsCritical: Counter
    private let cardsWarning: Counter
    private let cardsInfo: Counter
    private let feedbackItems: Counter
    private let unknownFeedback: Counter
    private let replayIDs: Gauge
    private let memoEntries: Gauge
    private let recordedIDs: Gauge

    /// Creates the metrics.
    package init() {
        requests = registry.makeCounter(descriptor: Self.name("requests", unit: "total", help: "HTTP requests answered"))
        clientErrors = registry.makeCounter(descriptor: Self.name("responses_4xx", unit: "total", help: "Answers with a 4xx status"))
        serverErrors = registry.makeCounter(descriptor: Self.name("responses_5xx", unit: "total", help: "Answers with a 5xx status"))
        latency = registry.makeDurationHistogram(
            descriptor: Self.name("request_duration", unit: "seconds", help: "Time from request to answer"),
            buckets: [
                .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            ])
        cardsCritical = registry.makeCounter(
            descriptor: Self.name("cards", unit: "total", help: "Cards returned"), labels: [("indicator", "critical")])
        cardsWarning = registry.makeCounter(
            descriptor: Self.name("cards", unit: "total", help: "Cards returned"), labels: [("indicator", "warning")])
        cardsInfo = registry.makeCounter(
            descriptor: Self.name("cards", unit: "total", help: "Cards returned"), labels: [("indicator", "info")])
        feedbackItems = registry.makeCounter(descriptor: Self.name("feedback_items", unit: "total", help: "Feedback items received"))
        unknownFeedback = registry.makeCounter(
            descriptor: Self.name("feedback_unknown_cards", unit: "total", help: "Feedback items about cards never issued"))
        replayIDs = registry.makeGauge(
            descriptor: Self.name("replay_jtis", unit: "", help: "Token jtis kept until their exp against replay"))
        memoEntries = registry.makeGauge(descriptor: Self.name("reevaluation_memo", unit: "entries", help: "Re-evaluated referrals kept"))
        recordedIDs = registry.makeGauge(
            descriptor: Self.name("issued_remembered", unit: "", help: "Issued card uuids remembered as recorded in the ledger"))
    }

    /// `cds_<metric>_<unit>`.
    private static func name(_ metric: String, unit: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "cds", metricName: metric, unitName: unit, helpText: help)
    }

    /// Counts an answer.
    func answered(status: Int, after duration: Duration) {
        requests.increment()
        latency.record(duration)
        if status >= 500 { serverErrors.increment() } else if status >= 400 { clientErrors.increment() }
    }

    /// Counts cards by indicator.
    func cards(_ cards: [CDSCard]) {
        for card in cards {
            switch card.indicator {
            case "critical": cardsCritical.increment()
            case "warning": cardsWarning.increment()
            default: cardsInfo.increment()
            }
        }
    }

    /// Sets the sizes of the bounded in-memory sets (at each scrape of `/metrics`).
    func sizes(replay: Int, memo: Int, recorded: Int) {
        replayIDs.set(Int64(replay))
        memoEntries.set(Int64(memo))
        recordedIDs.set(Int64(recorded))
    }

    /// Counts feedback.
    func feedback(items: Int, unknown: Int) {
        feedbackItems.increment(by: Int64(items))
        unknownFeedback.increment(by: Int64(unknown))
    }
}
