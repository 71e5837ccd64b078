namespace ConflictTracker.Web.Hosting;

/// <summary>Refusals that hold for every request, before routing: what no page or endpoint can use.</summary>
internal static class RequestGuards
{
    /// <summary>
    /// A NUL character in the address (<c>%00</c> in the path or the query string) is never part of a
    /// real address, and PostgreSQL cannot store or compare text containing it: 400 at once, instead
    /// of an error deep inside whichever query meets it first.
    /// </summary>
    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var request = context.Request;
                var field =
                    request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true
                        ? "path"
                        : request
                            .Query.FirstOrDefault(p =>
                                p.Key.Contains('\0', StringComparison.Ordinal)
                                || p.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)
                            )
                            .Key;
                if (field is null)
                {
                    await next(context);
                    return;
                }

                await Results
                    .ValidationProblem(
                        new Dictionary<string, string[]>
                        {
                            [field.Replace("\0", "\\0", StringComparison.Ordinal)] =
                            [
                                "The address contains a NUL character (%00); remove it.",
                            ],
                        },
                        title: "The address could not be read",
                        detail: "Nothing was done. The address contains a NUL character (%00)."
                    )
                    .ExecuteAsync(context);
            }
        );
}
