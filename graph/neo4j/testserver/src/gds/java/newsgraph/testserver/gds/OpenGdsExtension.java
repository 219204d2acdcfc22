package newsgraph.testserver.gds;

import java.util.Optional;

import org.neo4j.annotations.service.ServiceProvider;
import org.neo4j.configuration.Config;
import org.neo4j.gds.LicensingBusinessFacade;
import org.neo4j.gds.OpenGdsLicensingServiceBuilder;
import org.neo4j.gds.SysInfoProcFacade;
import org.neo4j.gds.applications.modelcatalog.ModelRepository;
import org.neo4j.gds.applications.operations.FeatureTogglesRepository;
import org.neo4j.gds.core.model.OpenModelCatalog;
import org.neo4j.gds.core.write.NativeExportBuildersProvider;
import org.neo4j.gds.metrics.Metrics;
import org.neo4j.gds.procedures.ExporterBuildersProviderService;
import org.neo4j.gds.procedures.integration.DefaultExportLocation;
import org.neo4j.gds.procedures.integration.LogAccessor;
import org.neo4j.gds.procedures.integration.OpenGraphDataScienceExtensionBuilder;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.logging.internal.LogService;

/**
 * Registers the Graph Data Science procedure facade ({@code GraphDataScienceProcedures}) that the GDS procedures
 * in {@code target/plugins} have injected. Built only by the Maven profile {@code gds}.
 *
 * <p>The GDS modules on Maven Central ({@code org.neo4j.gds:proc} and its dependencies) carry the procedures but
 * not this wiring: in a GDS release it lives in the shaded plugin jar ({@code open-gds-VERSION.jar}, module
 * open-packaging), which is not published to Maven Central. This class does the same for the open edition
 * through the public builder in {@code org.neo4j.gds:procedure-integration}: native writes only, metrics off, an
 * in-memory model catalog, no model persistence. It also registers the open-edition licence state that
 * {@code gds.version()}, {@code gds.debug.sysInfo()} and {@code gds.license.state()} (module proc-sysinfo) read.
 */
@ServiceProvider
public final class OpenGdsExtension extends ExtensionFactory<OpenGdsExtension.Dependencies> {

    /** What Neo4j hands the extension (resolved by method name from its dependency graph). */
    public interface Dependencies {
        Config config();

        GlobalProcedures globalProcedures();

        LogService logService();
    }

    public OpenGdsExtension() {
        super("newsgraph.gds.open");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies deps) {
        var log = new LogAccessor().getLog(deps.logService(), getClass());
        ExporterBuildersProviderService exporters = (db, config) -> new NativeExportBuildersProvider();
        ModelRepository noModelStore = model -> {
            throw new UnsupportedOperationException("storing models is not available in this test server");
        };
        var built = OpenGraphDataScienceExtensionBuilder.create(
                log,
                deps.globalProcedures(),
                deps.config(),
                exporters,
                new DefaultExportLocation(log, deps.config()),
                new FeatureTogglesRepository(),
                Metrics.DISABLED,
                new OpenModelCatalog(),
                noModelStore,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        var licensing = new OpenGdsLicensingServiceBuilder().build(deps.config());
        var sysInfo = new SysInfoProcFacade(new LicensingBusinessFacade(licensing));
        deps.globalProcedures().registerComponent(SysInfoProcFacade.class, ctx -> sysInfo, true);
        return built.getLeft().build();
    }
}
