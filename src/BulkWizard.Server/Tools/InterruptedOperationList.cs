using BulkWizard.Core.Recovery;

namespace BulkWizard.Server.Tools;

public sealed record InterruptedOperationList(IReadOnlyList<InterruptedRun> Operations);
