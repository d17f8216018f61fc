using System.Text.Json.Nodes;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>The config a subject without one of its own gets (its context's, or <c>:.__GLOBAL:</c>), and its name in previews; null when none.</summary>
internal sealed record InheritedConfig(JsonObject? Config, string Source);
