namespace BulkWizard.EndToEnd.Tests.Packaging;

/// <summary>The tests of the packed and installed tool share one pack and one install per test run.</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed tool";
}
