using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ObservationRecordedBy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordedById",
                table: "CaseWorkerObservations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseWorkerObservations_RecordedById",
                table: "CaseWorkerObservations",
                column: "RecordedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseWorkerObservations_RecordedById",
                table: "CaseWorkerObservations");

            migrationBuilder.DropColumn(
                name: "RecordedById",
                table: "CaseWorkerObservations");
        }
    }
}
