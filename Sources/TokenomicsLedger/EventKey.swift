import Foundation
import TokenomicsCore

/// What an event is grouped by in the rollups, apart from its hour: its price set (provider,
/// model, priced model, priced tier, long-context threshold, catalog version) and its
/// attribution down to the step. Stored once in `event_keys`; an event row holds its key's id.
///
/// No value is optional: a missing text is `""` and a missing threshold -1, so that equal keys
/// compare equal in a unique index (SQL's NULLs never do).
struct EventKey: Hashable, Sendable {
    /// The long-context threshold that applied, or -1.
    var longContextThreshold: Int64
    var provider: String
    var model: String
    var pricedModel: String
    var serviceTier: String
    var catalogVersion: String
    var org: String
    var project: String
    var team: String
    var application: String
    var workflow: String
    var step: String

    /// The key of an entry.
    init(_ entry: LedgerEntry) {
        self.init(
            entry.event, catalogVersion: entry.catalogVersion, pricedTier: entry.pricedTier,
            longContextThreshold: entry.longContextThreshold)
    }

    /// The key of an event priced under a catalog version, tier and long-context threshold.
    init(_ event: UsageEvent, catalogVersion: String, pricedTier: ServiceTier, longContextThreshold: Int64?) {
        let attribution = event.attribution
        self.longContextThreshold = longContextThreshold ?? -1
        provider = event.provider
        model = event.model
        pricedModel = event.pricedModel ?? ""
        serviceTier = pricedTier.rawValue
        self.catalogVersion = catalogVersion
        org = attribution.org ?? ""
        project = attribution.project ?? ""
        team = attribution.team ?? ""
        application = attribution.application ?? ""
        workflow = attribution.workflow ?? ""
        step = attribution.step ?? ""
    }

    /// A key from its text values in ``text`` order and its threshold.
    init(text: [String], longContextThreshold: Int64) {
        precondition(text.count == 11, "an event key has 11 text values")
        self.longContextThreshold = longContextThreshold
        provider = text[0]
        model = text[1]
        pricedModel = text[2]
        serviceTier = text[3]
        catalogVersion = text[4]
        org = text[5]
        project = text[6]
        team = text[7]
        application = text[8]
        workflow = text[9]
        step = text[10]
    }

    /// The text values in ``LedgerSchema/rollupKeyColumns`` order (which puts the threshold after
    /// the first four and the hour before them).
    var text: [String] {
        [
            provider, model, pricedModel, serviceTier, catalogVersion, org, project, team, application, workflow,
            step,
        ]
    }

    /// Sets the key's fields of an entry being read back (the rest comes from its record).
    func restore(into entry: inout LedgerEntry) {
        entry.event.provider = provider
        entry.event.model = model
        entry.event.pricedModel = pricedModel.isEmpty ? nil : pricedModel
        entry.pricedTier = ServiceTier(rawValue: serviceTier) ?? .standard
        entry.catalogVersion = catalogVersion
        entry.longContextThreshold = longContextThreshold < 0 ? nil : longContextThreshold
        entry.event.attribution.org = org.isEmpty ? nil : org
        entry.event.attribution.project = project.isEmpty ? nil : project
        entry.event.attribution.team = team.isEmpty ? nil : team
        entry.event.attribution.application = application.isEmpty ? nil : application
        entry.event.attribution.workflow = workflow.isEmpty ? nil : workflow
        entry.event.attribution.step = step.isEmpty ? nil : step
    }
}
