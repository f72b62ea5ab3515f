using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Floke.Web.Features.OpenData;

/// <summary>An RDF term: an IRI, or a literal with a language or a datatype.</summary>
public sealed record RdfTerm(string Value, bool IsIri, string? Language = null, string? Datatype = null)
{
    public static RdfTerm Iri(string iri) => new(iri, true);
    public static RdfTerm Text(string text, string language) => new(text, false, language);
    public static RdfTerm Typed(string text, string datatype) => new(text, false, null, datatype);
}

/// <summary>A small RDF graph written as Turtle or JSON-LD (expanded form) from the same triples, so both serialisations of
/// the catalogue say exactly the same. No RDF library for .NET is served here; this is the little Floke needs.</summary>
public sealed class RdfGraph(IReadOnlyDictionary<string, string> prefixes)
{
    private readonly List<(string Subject, string Predicate, RdfTerm Object)> _triples = [];

    public RdfGraph Add(string subject, string predicate, RdfTerm value)
    {
        _triples.Add((Expand(subject), Expand(predicate), value.IsIri ? value with { Value = Expand(value.Value) } : value with { Datatype = value.Datatype is null ? null : Expand(value.Datatype) }));
        return this;
    }

    public RdfGraph Add(string subject, string predicate, string iri) => Add(subject, predicate, RdfTerm.Iri(iri));

    private string Expand(string name)
    {
        var colon = name.IndexOf(':');
        return colon > 0 && prefixes.TryGetValue(name[..colon], out var ns) && !name.Contains("//", StringComparison.Ordinal) ? ns + name[(colon + 1)..] : name;
    }

    public string ToTurtle()
    {
        var sb = new StringBuilder();
        foreach (var (prefix, ns) in prefixes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"@prefix {prefix}: <{ns}> .\n");
        }
        foreach (var subject in _triples.GroupBy(t => t.Subject))
        {
            sb.Append('\n').Append(Iri(subject.Key));
            var predicates = subject.GroupBy(t => t.Predicate).ToList();
            for (var i = 0; i < predicates.Count; i++)
            {
                var p = predicates[i];
                sb.Append("\n    ").Append(p.Key == Rdf.Type ? "a" : Iri(p.Key)).Append(' ');
                sb.Append(string.Join(", ", p.Select(t => Term(t.Object))));
                sb.Append(i == predicates.Count - 1 ? " .\n" : " ;");
            }
        }
        return sb.ToString();
    }

    public string ToJsonLd()
    {
        var nodes = new JsonArray();
        foreach (var subject in _triples.GroupBy(t => t.Subject))
        {
            var node = new JsonObject { ["@id"] = subject.Key };
            foreach (var p in subject.GroupBy(t => t.Predicate))
            {
                if (p.Key == Rdf.Type)
                {
                    node["@type"] = new JsonArray([.. p.Select(t => (JsonNode)JsonValue.Create(t.Object.Value)!)]);
                    continue;
                }
                node[p.Key] = new JsonArray([.. p.Select(t => (JsonNode)(t.Object switch
                {
                    { IsIri: true } o => new JsonObject { ["@id"] = o.Value },
                    { Language: { } lang } o => new JsonObject { ["@value"] = o.Value, ["@language"] = lang },
                    { Datatype: { } type } o => new JsonObject { ["@value"] = o.Value, ["@type"] = type },
                    var o => new JsonObject { ["@value"] = o.Value },
                }))]);
            }
            nodes.Add(node);
        }
        return nodes.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private string Iri(string iri)
    {
        foreach (var (prefix, ns) in prefixes)
        {
            var local = iri.StartsWith(ns, StringComparison.Ordinal) ? iri[ns.Length..] : null;
            if (local is { Length: > 0 } && local.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return $"{prefix}:{local}";
            }
        }
        return $"<{iri}>";
    }

    private string Term(RdfTerm t) => t switch
    {
        { IsIri: true } => Iri(t.Value),
        { Language: { } lang } => $"{Quote(t.Value)}@{lang}",
        { Datatype: { } type } => $"{Quote(t.Value)}^^{Iri(type)}",
        _ => Quote(t.Value),
    };

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";
}

public static class Rdf
{
    public const string Type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
}
