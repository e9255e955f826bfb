package org.recausal.engine.layout;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/**
 * The structure of the ALARM network (Beinlich et al., 1989; bnlearn repository): 37 variables and
 * 46 edges of a patient-monitoring model, a standard test of how graph drawings cope with real DAGs.
 */
final class AlarmNetwork {
    private static final String EDGES = """
            LVFAILURE->HISTORY LVEDVOLUME->CVP LVEDVOLUME->PCWP HYPOVOLEMIA->LVEDVOLUME LVFAILURE->LVEDVOLUME
            HYPOVOLEMIA->STROKEVOLUME LVFAILURE->STROKEVOLUME ERRLOWOUTPUT->HRBP HR->HRBP ERRCAUTER->HREKG HR->HREKG
            ERRCAUTER->HRSAT HR->HRSAT ANAPHYLAXIS->TPR ARTCO2->EXPCO2 VENTLUNG->EXPCO2 INTUBATION->MINVOL
            VENTLUNG->MINVOL FIO2->PVSAT VENTALV->PVSAT PVSAT->SAO2 SHUNT->SAO2 PULMEMBOLUS->PAP INTUBATION->SHUNT
            PULMEMBOLUS->SHUNT INTUBATION->PRESS KINKEDTUBE->PRESS VENTTUBE->PRESS MINVOLSET->VENTMACH
            DISCONNECT->VENTTUBE VENTMACH->VENTTUBE INTUBATION->VENTLUNG KINKEDTUBE->VENTLUNG VENTTUBE->VENTLUNG
            INTUBATION->VENTALV VENTLUNG->VENTALV VENTALV->ARTCO2 ARTCO2->CATECHOL INSUFFANESTH->CATECHOL
            SAO2->CATECHOL TPR->CATECHOL CATECHOL->HR HR->CO STROKEVOLUME->CO CO->BP TPR->BP""";

    /** In the order the network file declares them. */
    private static final String VARIABLES = """
            HISTORY CVP PCWP HYPOVOLEMIA LVEDVOLUME LVFAILURE STROKEVOLUME ERRLOWOUTPUT HRBP HREKG ERRCAUTER
            HRSAT INSUFFANESTH ANAPHYLAXIS TPR EXPCO2 KINKEDTUBE MINVOL FIO2 PVSAT SAO2 PAP PULMEMBOLUS SHUNT
            INTUBATION PRESS DISCONNECT MINVOLSET VENTMACH VENTTUBE VENTLUNG VENTALV ARTCO2 CATECHOL HR CO BP""";

    private AlarmNetwork() {
    }

    static Dag dag() {
        Dag dag = new Dag();
        for (String name : VARIABLES.split("\\s+")) {
            dag.addVariable(Variable.of(name));
        }
        for (String edge : EDGES.split("\\s+")) {
            String[] ends = edge.split("->");
            dag.addEdge(ends[0], ends[1]);
        }
        return dag;
    }
}
