namespace BulkWizard.Core.Registry;

/// <summary>
/// The pace of requests to one registry changed: why, and what the person running a plan is told, e.g.
/// <c>registry asked to wait 2 s (429)</c>.
/// </summary>
public sealed record PaceEvent(string Registry, PaceReason Reason, string Message);
