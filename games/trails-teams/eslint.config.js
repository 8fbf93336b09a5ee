import base from "@lobby/eslint-config/base";
import * as layers from "@lobby/eslint-config/layers";
import react from "@lobby/eslint-config/react";

export default [...base, ...react, ...layers.games];
