using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// A tool whose SDK form (its input and output JSON schemas, built by reflection over the method and its result type)
/// is built on first use rather than when the server starts: building all of them was a third of the time to answer
/// <c>initialize</c>. Known up front by name only, which is all the server needs until <c>tools/list</c> or a call.
/// </summary>
internal sealed class DeferredTool : McpServerTool, IMcpServerPrimitive
{
    private readonly string _name;
    private readonly Lazy<McpServerTool> _tool;

    /// <param name="name">The tool's name, as its <see cref="McpServerToolAttribute"/> gives it.</param>
    /// <param name="create">Builds the tool; runs once, on first use.</param>
    public DeferredTool(string name, Func<McpServerTool> create)
    {
        _name = name;
        _tool = new(() =>
        {
            var tool = create();
            return tool.ProtocolTool.Name == name
                ? tool
                : throw new InvalidOperationException($"Tool '{name}' was built as '{tool.ProtocolTool.Name}'.");
        });
    }

    string IMcpServerPrimitive.Id => _name;

    public override Tool ProtocolTool => _tool.Value.ProtocolTool;

    public override IReadOnlyList<object> Metadata => _tool.Value.Metadata;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _tool.Value.InvokeAsync(request, cancellationToken);

    /// <summary>Builds the tool now, if not yet built.</summary>
    public void Prepare() => _ = _tool.Value;

    public override string ToString() => _name;
}
