import base from "@lobby/eslint-config/base";
import react from "@lobby/eslint-config/react";

export default [...base, ...react];
