using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>The units API as an integration sees it on the wire; declared here so a change of the contract fails a test.</summary>
public static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public sealed record UnitPage(List<UnitItem> Items, int Total, int Page, int PageSize);

    public sealed record UnitItem(Guid Id, string Name, string? ProviderName, string Ownership, string? City, int? Capacity, string? KoladaId, bool Closed);

    public sealed record Unit(Guid Id, string Name, Guid? ProviderId, string? ProviderName, string Ownership, string? StreetAddress, string? PostalCode,
        string? City, int? Capacity, string? KoladaId, Guid? AdministrationId, string? AdministrationName, DateOnly? ClosedOn,
        List<ChoiceSystemRef> ChoiceSystems, int Version)
    {
        /// <summary>The body of a PUT that keeps everything as it is, with the changes made by <c>with</c> on the result.</summary>
        public UnitChange ToChange() => new(Name, ProviderId, Ownership, StreetAddress, PostalCode, City, Capacity, KoladaId, AdministrationId,
            ClosedOn, [.. ChoiceSystems.Select(c => c.Id)], Version);
    }

    public sealed record ChoiceSystemRef(Guid Id, string Name);

    public sealed record UnitChange(string? Name, Guid? ProviderId, string? Ownership, string? StreetAddress, string? PostalCode, string? City,
        int? Capacity, string? KoladaId, Guid? AdministrationId, DateOnly? ClosedOn, List<Guid> ChoiceSystemIds, int Version);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        var body = await Expect.OkAsync(response);
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"Empty answer: {body}");
    }

    /// <summary>The record a POST created, after checking the answer is 201 Created.</summary>
    public static async Task<T> ReadCreatedAsync<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201 Created, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"Empty answer: {body}");
    }

    public static async Task<Unit> GetUnitAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/api/v1/units/{id}");
        return await ReadAsync<Unit>(response);
    }

    public static async Task<UnitPage> ListUnitsAsync(HttpClient client, string query = "pageSize=200")
    {
        using var response = await client.GetAsync($"/api/v1/units?{query}");
        return await ReadAsync<UnitPage>(response);
    }

    public static Task<HttpResponseMessage> PutUnitAsync(HttpClient client, Guid id, UnitChange change) =>
        client.PutAsJsonAsync($"/api/v1/units/{id}", change, Json);
}
