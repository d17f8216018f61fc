namespace BulkWizard.Sandbox.Demo;

/// <summary>The deterministic demo subjects: topics (-value and -key), test-*, deprecated-*, shared types, two contexts.</summary>
internal static class DemoCatalog
{
    public static readonly string[] Topics =
    [
        "orders", "payments", "customers", "shipments", "inventory", "invoices", "refunds", "users",
        "sessions", "clicks", "products", "reviews", "carts", "notifications", "audit-log", "returns",
    ];

    public static IEnumerable<DemoSubject> Subjects()
    {
        yield return new DemoSubject("common-address", 2, "Address", "com.acme.common", ["street:string", "city:string"]);
        yield return new DemoSubject("common-money", 1, "Money", "com.acme.common", ["amount:double", "currency:string"]);
        for (var i = 0; i < Topics.Length; i++)
        {
            var topic = Topics[i];
            var record = Pascal(topic);
            var subject = new DemoSubject(topic + "-value", 2 + (i % 3), record, "com.acme." + topic.Replace("-", string.Empty, StringComparison.Ordinal), ["status:string"]);
            if (topic is "customers" or "shipments")
            {
                subject = subject with
                {
                    Fields = ["status:string", "address:com.acme.common.Address"],
                    References = [new("com.acme.common.Address", "common-address", 1)],
                };
            }

            if (topic == "payments")
            {
                subject = subject with
                {
                    Fields = ["status:string", "total:com.acme.common.Money"],
                    References = [new("com.acme.common.Money", "common-money", 1)],
                };
            }

            if (topic is "sessions" or "clicks")
            {
                subject = subject with { Properties = new Dictionary<string, string> { ["deprecated"] = "true", ["owner"] = "web-team" } };
            }

            yield return subject;
            if (i % 2 == 0)
            {
                yield return new DemoSubject(topic + "-key", 1 + (i % 4 == 0 ? 1 : 0), record + "Key", "com.acme.keys", []);
            }
        }

        for (var i = 1; i <= 12; i++)
        {
            yield return new DemoSubject($"test-subject-{i:00}", 1 + (i % 3), $"TestRecord{i:00}", "com.acme.test", ["value:int"]);
        }

        string[] deprecated = ["legacy-orders-value", "legacy-users-value", "old-clicks-value", "v1-payments-value", "tmp-export-value", "old-events-value"];
        for (var i = 0; i < deprecated.Length; i++)
        {
            yield return new DemoSubject("deprecated-" + deprecated[i], 2, "Legacy" + Pascal(deprecated[i]), "com.acme.legacy", ["payload:string"])
            {
                Properties = i % 2 == 0 ? new Dictionary<string, string> { ["deprecated"] = "true" } : null,
            };
        }

        foreach (var context in new[] { ".staging", ".prod" })
        {
            foreach (var topic in new[] { "orders", "payments", "customers", "inventory", "users", "shipments" })
            {
                yield return new DemoSubject($":{context}:{topic}-value", context == ".staging" ? 3 : 2, Pascal(topic), "com.acme." + topic, ["status:string"]);
            }
        }
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split('-', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
