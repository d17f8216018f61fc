using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Tests.Storage.Support;

/// <summary>A data directory of its own for one test, under the system temp folder, removed afterwards.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory()
    {
        Root = Path.Combine(Path.GetTempPath(), "bulkwizard-tests", Guid.NewGuid().ToString("N"));
        Directory = new DataDirectory(Root);
    }

    public string Root { get; }

    public DataDirectory Directory { get; }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}
