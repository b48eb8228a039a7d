using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uppsikt.Web.Infrastructure.Files;

namespace Uppsikt.Web.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Något gick fel";

    public string Text { get; private set; } = "Ett oväntat fel inträffade. Försök igen om en stund.";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    /// <summary>By the status-code pages' query, or for an exception, by the status the exception handler chose.</summary>
    private void Describe(int? status)
    {
        (Heading, Text) = (status ?? Response.StatusCode) switch
        {
            413 => ("Filen är för stor", $"{RequestBodyLimit.TooLarge(HttpContext)} Gå tillbaka, förminska filen eller dela upp den, och försök igen."),
            404 => ("Sidan finns inte", "Sidan eller uppgiften du sökte finns inte, eller så saknar du behörighet till den."),
            403 => ("Behörighet saknas", "Din roll ger inte tillgång till den här sidan."),
            400 => ("Felaktig förfrågan", "Förfrågan kunde inte tolkas. Gå tillbaka och försök igen."),
            _ => (Heading, Text),
        };
    }
}
