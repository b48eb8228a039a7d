using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Register.Providers;

public sealed class EditModel(ProvidersHandler handler) : EditPageModel<EditModel.ProviderForm>
{
    public sealed class ProviderForm
    {
        public string? Name { get; set; }
        public string? OrganisationNumber { get; set; }
        public LegalForm? LegalForm { get; set; }
        public Ownership? Ownership { get; set; }
        public string? StreetAddress { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? ParentCompanyName { get; set; }
        public string? ParentCompanyOrganisationNumber { get; set; }
        [DataType(DataType.MultilineText)] public string? PreparednessNotes { get; set; }
        public int Version { get; set; }
    }

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    protected override async Task<ProviderForm?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is not { } provider ? null : new ProviderForm
        {
            Name = provider.Name,
            OrganisationNumber = provider.OrganisationNumber,
            LegalForm = provider.LegalForm,
            Ownership = provider.Ownership,
            StreetAddress = provider.StreetAddress,
            PostalCode = provider.PostalCode,
            City = provider.City,
            Email = provider.Email,
            Phone = provider.Phone,
            ParentCompanyName = provider.ParentCompanyName,
            ParentCompanyOrganisationNumber = provider.ParentCompanyOrganisationNumber,
            PreparednessNotes = provider.PreparednessNotes,
            Version = provider.Version,
        };

    protected override Task<SaveResult> SaveAsync(Guid? id, ProviderForm form, CancellationToken cancellationToken) =>
        handler.SaveAsync(id, new ProviderInput(
            form.Name, form.OrganisationNumber, form.LegalForm, form.Ownership, form.StreetAddress, form.PostalCode, form.City,
            form.Email, form.Phone, form.ParentCompanyName, form.ParentCompanyOrganisationNumber, form.PreparednessNotes,
            form.Version), cancellationToken);

    protected override string SavedMessage(ProviderForm form) => $"Anordnaren {form.Name?.Trim()} är sparad.";
}
