using Floke.Web.Core.Geography;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Floke.Web.Infrastructure.Api;

/// <summary>Completes the OpenAPI document so it describes every endpoint fully and lints clean (Spectral's OAS rules):
/// a contact; servers without a trailing slash; every operation with an operationId (the Identity endpoints have none) and
/// a description (its summary where none is written); and, on every operation, the problem details it answers errors with
/// — all API errors in Floke are RFC 9457 problem details (exception handler and status-code pages under /api). A county
/// filter is described as what it reads: two digits.</summary>
public sealed class OpenApiCompletion : IOpenApiDocumentTransformer, IOpenApiSchemaTransformer
{
    private const string ProblemSchema = "ProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Floke API";
        document.Info.Description = "Needs, initiatives, experiments, barriers, benefits, adoptions, search, insights and open data of Norway's public sector "
            + "innovation platform. Errors are RFC 9457 problem details; send Accept-Language: en for English.";
        document.Info.Contact ??= new OpenApiContact { Name = "Floke" };
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.Components.Schemas[ProblemSchema] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "RFC 9457 problem details.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                    ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                },
            };
        }

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.OperationId ??= method.Method.ToLowerInvariant() + string.Concat(path.Split('/', '-', '{', '}', '.')
                    .Where(s => s.Length > 0 && s != "api" && s != "v1").Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
                if (string.IsNullOrWhiteSpace(operation.Description))
                {
                    operation.Description = operation.Summary ?? operation.OperationId;
                }
                operation.Responses ??= new OpenApiResponses();
                if (!operation.Responses.Keys.Any(k => k.StartsWith('4')))
                {
                    operation.Responses["4XX"] = new OpenApiResponse
                    {
                        Description = "The request was refused: problem details say why (a field and what is wrong with it, in the language asked for).",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                        },
                    };
                }
            }
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // A parameter read by TryParse is described from the parameter, not from a JSON contract of its type.
        var type = context.ParameterDescription?.Type ?? context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(CountyNumber))
        {
            schema.Pattern = "^[0-9]{2}$";
            schema.Description = "A county's number as SSB writes it, two digits: 03 Oslo, 46 Vestland.";
        }
        return Task.CompletedTask;
    }
}
