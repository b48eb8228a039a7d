using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data.Configurations;

internal static class EntityDefaults
{
    public const int Name = 200;
    public const int Short = 40;
    public const int Text = 4000;

    /// <summary>The version column used for optimistic concurrency, and the search column where there is one.</summary>
    public static void Versioned<T>(this EntityTypeBuilder<T> b) where T : Uppsikt.Domain.Entity =>
        b.Property(e => e.Version).IsConcurrencyToken();

    /// <summary>
    /// The search column, without an index: a search finds words anywhere in it (<c>LIKE '%…%'</c>), which no ordinary index
    /// serves, and SQLite counted a list's rows by scanning such a wide index rather than a narrow one (decision 0026).
    /// </summary>
    public static void Searchable<T>(this EntityTypeBuilder<T> b) where T : class =>
        b.Property<string>(SearchText.Column).HasMaxLength(1000).HasDefaultValue("");
}

internal sealed class AdministrationConfiguration : IEntityTypeConfiguration<Administration>
{
    public void Configure(EntityTypeBuilder<Administration> b)
    {
        b.Versioned();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => e.Name).IsUnique();
    }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => e.Name).IsUnique();
        b.HasOne(e => e.Administration).WithMany().HasForeignKey(e => e.AdministrationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChoiceSystemConfiguration : IEntityTypeConfiguration<ChoiceSystem>
{
    public void Configure(EntityTypeBuilder<ChoiceSystem> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.KoladaUnitTypes).HasMaxLength(EntityDefaults.Short);
        b.HasIndex(e => new { e.CommitteeId, e.Name }).IsUnique();
        b.HasOne(e => e.Committee).WithMany(c => c.ChoiceSystems).HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Services).WithOne().HasForeignKey(s => s.ChoiceSystemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.Versioned();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.HasMany(e => e.Levels).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceLevelConfiguration : IEntityTypeConfiguration<ServiceLevel>
{
    public void Configure(EntityTypeBuilder<ServiceLevel> b)
    {
        b.Versioned();
        b.Property(e => e.Code).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.OrganisationNumber).HasMaxLength(11);
        b.HasIndex(e => e.OrganisationNumber).IsUnique();
        b.HasIndex(e => e.Name);
        b.Property(e => e.StreetAddress).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.PostalCode).HasMaxLength(10);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.Phone).HasMaxLength(40);
        b.Property(e => e.ParentCompanyName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ParentCompanyOrganisationNumber).HasMaxLength(11);
        b.Property(e => e.PreparednessNotes).HasMaxLength(EntityDefaults.Text);
        b.HasMany(e => e.People).WithOne().HasForeignKey(p => p.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Subcontractors).WithOne().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Units).WithOne(u => u.Provider).HasForeignKey(u => u.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Authorisations).WithOne(a => a.Provider).HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProviderPersonConfiguration : IEntityTypeConfiguration<ProviderPerson>
{
    public void Configure(EntityTypeBuilder<ProviderPerson> b)
    {
        b.Versioned();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Organisation).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.Phone).HasMaxLength(40);
    }
}

internal sealed class SubcontractorConfiguration : IEntityTypeConfiguration<Subcontractor>
{
    public void Configure(EntityTypeBuilder<Subcontractor> b)
    {
        b.Versioned();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.OrganisationNumber).HasMaxLength(11);
        b.Property(e => e.Scope).HasMaxLength(EntityDefaults.Text);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => e.Name);
        b.HasIndex(e => e.ProviderId);
        b.Property(e => e.StreetAddress).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.PostalCode).HasMaxLength(10);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Languages).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.KoladaId).HasMaxLength(20);
        b.HasIndex(e => e.KoladaId).IsUnique();
        b.HasOne(e => e.Administration).WithMany().HasForeignKey(e => e.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.ChoiceSystems).WithMany().UsingEntity("UnitChoiceSystems");
    }
}

internal sealed class AuthorisationConfiguration : IEntityTypeConfiguration<Authorisation>
{
    public void Configure(EntityTypeBuilder<Authorisation> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.CaseNumber).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Notes).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.ProviderId, e.ChoiceSystemId });
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
    }
}
