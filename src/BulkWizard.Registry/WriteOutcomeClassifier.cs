using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry;

/// <summary>
/// After a write lost its answer, re-reads the target and says whether the write took effect, instead of
/// repeating it. A failed re-read gives <see cref="WriteOutcome.Unknown"/>.
/// </summary>
internal sealed class WriteOutcomeClassifier(IRegistryGateway reads, ILogger logger)
{
    /// <summary>Applied when the subject now holds the schema (with the asked id and version, if any).</summary>
    public Task<WriteResult<RegisteredSchema>> RegisterAsync(
        QualifiedSubject subject, RegisterSchemaRequest request, Exception failure, CancellationToken cancellationToken) =>
        ClassifyAsync($"register under {subject}", failure, async () =>
        {
            var found = await reads.LookupAsync(subject, request, includeDeleted: false, cancellationToken);
            if (found is null)
            {
                return (WriteOutcome.NotApplied, null);
            }

            var asAsked = (request.Id is null || request.Id == found.Id) && (request.Version is null || request.Version == found.Version);
            return asAsked
                ? (WriteOutcome.Applied, new RegisteredSchema(found.Id, found.Version, found.SchemaGuid))
                : (WriteOutcome.Unknown, null);
        },
        cancellationToken);

    public Task<WriteResult<int>> DeleteVersionAsync(
        QualifiedSubject subject, VersionSelector version, DeleteKind kind, Exception failure, CancellationToken cancellationToken) =>
        ClassifyAsync($"{kind} delete of {subject} version {version}", failure, async () =>
        {
            // "latest" has moved if the delete happened, so there is nothing stable to re-read.
            if (version.Number is not { } number)
            {
                return (WriteOutcome.Unknown, 0);
            }

            if (kind == DeleteKind.Permanent)
            {
                var stillThere = await reads.GetVersionAsync(subject, number, includeDeleted: true, cancellationToken);
                return stillThere is null ? (WriteOutcome.Applied, number) : (WriteOutcome.NotApplied, 0);
            }

            if (await reads.GetVersionAsync(subject, number, includeDeleted: false, cancellationToken) is not null)
            {
                return (WriteOutcome.NotApplied, 0);
            }

            var softDeleted = await reads.GetVersionAsync(subject, number, includeDeleted: true, cancellationToken);
            return softDeleted is null ? (WriteOutcome.Unknown, 0) : (WriteOutcome.Applied, number);
        },
        cancellationToken);

    public Task<WriteResult<IReadOnlyList<int>>> DeleteSubjectAsync(
        QualifiedSubject subject, DeleteKind kind, Exception failure, CancellationToken cancellationToken) =>
        ClassifyAsync<IReadOnlyList<int>>($"{kind} delete of subject {subject}", failure, async () =>
        {
            var all = await reads.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, cancellationToken);
            if (kind == DeleteKind.Permanent)
            {
                return all.Count == 0 ? (WriteOutcome.Applied, []) : (WriteOutcome.NotApplied, null);
            }

            if (all.Count == 0)
            {
                return (WriteOutcome.Unknown, null);
            }

            var live = await reads.ListVersionsAsync(subject, DeletedFilter.LiveOnly, cancellationToken);
            return live.Count == 0 ? (WriteOutcome.Applied, all) : (WriteOutcome.NotApplied, null);
        },
        cancellationToken);

    private async Task<WriteResult<T>> ClassifyAsync<T>(
        string operation, Exception failure, Func<Task<(WriteOutcome Outcome, T? Value)>> reRead, CancellationToken cancellationToken)
    {
        WriteOutcome outcome;
        T? value = default;
        if (LostAnswers.WasNotSent(failure))
        {
            outcome = WriteOutcome.NotApplied;
        }
        else
        {
            try
            {
                (outcome, value) = await reRead();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not RegistryAccessDeniedException)
            {
                outcome = WriteOutcome.Unknown;
            }
        }

        logger.WriteOutcomeClassified(reads.Registry.Name, operation, LostAnswers.Describe(failure), outcome);
        return new WriteResult<T>(outcome, outcome == WriteOutcome.Applied ? value : default, failure);
    }
}
