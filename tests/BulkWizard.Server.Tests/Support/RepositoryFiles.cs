namespace BulkWizard.Server.Tests.Support;

/// <summary>Files of the repository the tests were built from, found from the test assembly's folder upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BulkWizard.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"BulkWizard.sln not found above {AppContext.BaseDirectory}");
    }
}
