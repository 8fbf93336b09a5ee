import base from "@lobby/eslint-config/base";
import * as layers from "@lobby/eslint-config/layers";

export default [...base, ...layers.client];
