namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// Which routed requests change the registry: every PUT and DELETE, and the registration POST. The other POSTs (the
/// lookup <c>/subjects/{subject}</c> and the compatibility checks) only read.
/// </summary>
internal static class RegistryWrites
{
    public static bool IsWrite(string method, string template) =>
        HttpMethodIs(method, "PUT") || HttpMethodIs(method, "DELETE")
        || (HttpMethodIs(method, "POST") && string.Equals(template, "/subjects/{subject}/versions", StringComparison.Ordinal));

    private static bool HttpMethodIs(string method, string expected) => string.Equals(method, expected, StringComparison.OrdinalIgnoreCase);
}
