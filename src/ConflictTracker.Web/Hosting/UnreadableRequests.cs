using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ConflictTracker.Web.Hosting;

/// <summary>
/// A request the framework could not read (malformed JSON, a value of the wrong type, a field the
/// type does not have, a missing body, a parameter that does not parse) is the client's mistake: a
/// problem with the status the framework chose (400, 413, 415) and, for 400, an <c>errors</c> map
/// that names the field as the client wrote it ("stance", "placeIds[2]") and says what it expects.
/// </summary>
internal sealed partial class UnreadableRequests(
    IProblemDetailsService problems,
    IOptions<JsonOptions> json,
    ILogger<UnreadableRequests> logger
) : IExceptionHandler
{
    public const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken
    )
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, message) = Explain(bad, json.Value.SerializerOptions);
        logger.LogInformation(
            "Refused an unreadable request ({StatusCode}): {Field}: {Reason}",
            bad.StatusCode,
            field,
            message
        );
        httpContext.Response.StatusCode = bad.StatusCode;
        var problem = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode switch
                {
                    StatusCodes.Status413PayloadTooLarge => "The request body is too large",
                    StatusCodes.Status415UnsupportedMediaType => "The request body is not JSON",
                    _ => "The request could not be read",
                },
                Detail = $"Nothing was saved. {message}",
            },
        };
        problem.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return await problems.TryWriteAsync(problem);
    }

    /// <summary>The field at fault and what is wrong with it, in the client's terms.</summary>
    internal static (string Field, string Message) Explain(BadHttpRequestException bad, JsonSerializerOptions options)
    {
        if (bad.InnerException is JsonException json)
        {
            var body = BodyParameter().Match(bad.Message) is { Success: true } parameter
                ? TypeNamed(parameter.Groups["type"].Value)
                : null;
            return Explain(json, body is null ? null : TypeAt(body, json.Path, options));
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = bind.Groups["name"].Value;
            return (
                name,
                $"'{bind.Groups["value"].Value}' is not a valid {name}: expected {Expected(bind.Groups["type"].Value)}."
            );
        }

        if (RequiredParameter().Match(bad.Message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body"
                ? (BodyField, "The request needs a JSON body.")
                : (required.Groups["name"].Value, $"{required.Groups["name"].Value} is required.");
        }

        return bad.StatusCode switch
        {
            StatusCodes.Status415UnsupportedMediaType => (
                BodyField,
                "Send the body as JSON with 'Content-Type: application/json'."
            ),
            StatusCodes.Status413PayloadTooLarge => (BodyField, "The body is larger than this server accepts."),
            _ => (BodyField, bad.Message),
        };
    }

    /// <summary>Reads System.Text.Json's exception (its message and path) into the field and a plain reason.</summary>
    /// <param name="target">The .NET type of the value at the error's path, when it can be worked out.</param>
    internal static (string Field, string Message) Explain(JsonException json, Type? target)
    {
        var path = FieldOf(json.Path);
        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        if (Unmapped().Match(json.Message) is { Success: true } unmapped)
        {
            var name = Join(path, unmapped.Groups["name"].Value);
            return (
                name,
                $"'{name}' is not a field of this request; check its spelling against the API reference (/api/docs)."
            );
        }

        if (NullNotAllowed().Match(json.Message) is { Success: true } isNull)
        {
            var name = path == BodyField ? isNull.Groups["name"].Value : path;
            return (name, $"{name} may not be null: leave it out or send a value (an empty list [] for none).");
        }

        if (MissingRequired().Match(json.Message) is { Success: true } missing)
        {
            var names = Names().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value).ToList();
            return (
                Join(path, names.FirstOrDefault() ?? ""),
                $"Missing required field(s): {string.Join(", ", names)}."
            );
        }

        if (NotConvertible().Match(json.Message) is { Success: true } convert)
        {
            return (
                path,
                $"{path} must be {(target is null ? Expected(convert.Groups["type"].Value) : Expected(target))}."
            );
        }

        if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return (BodyField, $"The JSON is nested too deeply{where}.");
        }

        // Malformed JSON: System.Text.Json's own words up to the path, which is said in our words.
        var reason = json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        return (path, $"The body is not valid JSON: {reason}{where}.");
    }

    /// <summary>"$.placeIds[2]" → "placeIds[2]"; the body itself → "body".</summary>
    private static string FieldOf(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return field.Length == 0 ? BodyField : field;
    }

    private static string Join(string path, string name) =>
        path == BodyField ? name
        : path.EndsWith(name, StringComparison.OrdinalIgnoreCase) ? path
        : $"{path}.{name}";

    /// <summary>The body parameter's type, by the name the framework gives it ("StatementInput").</summary>
    private static Type? TypeNamed(string name) =>
        typeof(UnreadableRequests).Assembly.GetTypes().FirstOrDefault(t => t.Name == name || t.FullName == name);

    /// <summary>The type of the value at a JSON path ("$.newSource.kind", "$.placeIds[2]") inside <paramref
    /// name="root"/>.</summary>
    private static Type? TypeAt(Type root, string? path, JsonSerializerOptions options)
    {
        Type? type = root;
        foreach (Match step in PathSteps().Matches(path ?? ""))
        {
            type = Nullable.GetUnderlyingType(type!) ?? type;
            if (step.Groups["index"].Success)
            {
                type = type!.IsArray ? type.GetElementType() : type!.GetGenericArguments().FirstOrDefault();
            }
            else
            {
                var name = step.Groups["name"].Value;
                type = options
                    .GetTypeInfo(type!)
                    .Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?.PropertyType;
            }

            if (type is null)
            {
                return null;
            }
        }

        return type;
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(type))} (as text)";
        }

        return
            type != typeof(string)
            && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ? "a list [ ... ]"
            : Expected(type.FullName ?? type.Name);
    }

    /// <summary>What a value of a .NET type looks like in JSON or a query string.</summary>
    private static string Expected(string typeName)
    {
        var name = NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups[1].Value : typeName;
        name = name.Split(',')[0].Trim();
        var simple = name[(name.LastIndexOf('.') + 1)..];
        if (
            simple.StartsWith("IReadOnlyList", StringComparison.Ordinal)
            || simple.StartsWith("List", StringComparison.Ordinal)
            || name.EndsWith("[]", StringComparison.Ordinal)
        )
        {
            return "a list [ ... ]";
        }

        var enumType = typeof(Domain.Common.Entity)
            .Assembly.GetTypes()
            .FirstOrDefault(t => t.IsEnum && (t.FullName == name || t.Name == simple));
        if (enumType is not null)
        {
            return $"one of {string.Join(", ", Enum.GetNames(enumType))} (as text)";
        }

        return simple switch
        {
            "Guid" => "an id such as 0192f1a8-1b2c-7def-8123-456789abcdef",
            "String" or "string" => "text in quotes",
            "Boolean" or "bool" => "true or false",
            "Int32" or "Int64" or "int" or "long" or "UInt32" => "a whole number",
            "Decimal" or "Double" or "decimal" or "double" => "a number",
            "DateOnly" => "a date such as 2024-10-18",
            "DateTimeOffset" or "DateTime" => "a date and time such as 2024-10-18T09:30:00Z",
            _ => "an object as the API reference describes",
        };
    }

    [GeneratedRegex("""Failed to read parameter "(?<type>[^" ]+) (?<name>[^"]+)" from the request body""")]
    private static partial Regex BodyParameter();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSteps();

    [GeneratedRegex("""Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided from (?<source>\w+)""")]
    private static partial Regex RequiredParameter();

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex("(?:property or field|constructor parameter) '(?<name>[^']+)' on type '[^']+' doesn't allow")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("missing required properties,? including:? (?<names>.+?)\\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Names();

    [GeneratedRegex("could not be converted to (?<type>.+?)\\. Path:")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"^System\.Nullable`1\[\[?([^,\]]+)")]
    private static partial Regex NullableOf();
}
