"""Files an outline names on disk: pictures, CSV data, the template and logo, found and checked."""
